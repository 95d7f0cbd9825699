//! The speaker phrase of a speech verb: its subject before it (past adverbs, phrases
//! with a preposition, a relative clause or an apposition), the phrase after it, or the
//! one a passive names; and the speaker before a colon.

use super::attribution::verb_at;
use super::clauses::{
    aux_subject, coordinated_subject, is_auxiliary, is_participle, passive, passive_agent,
    relative_antecedent,
};
use super::lexicon::{VerbClass, words};
use super::np::{self, Np, NpKind};
use super::phrase::is_subjunctive;
use super::source::speaking;
use super::sureness::{Strength, strength};
use super::text::{Kind, Para};

/// The speaker of the speech verb at `v`: its subject before it, the phrase after it
/// ("sagte der Minister"), or the one named in a passive ("wird Musk zitiert"), taking
/// the surer of the two when both are there.
pub(super) fn verb_speaker(para: &Para, start: usize, v: usize, anchor: usize) -> Option<Np> {
    if let Some(np) = passive_agent(para, start, v) {
        return Some(np);
    }
    // "hielt man für „…“": no one in particular
    let next = skip_fillers(para, v + 1, anchor);
    if para.is_word(next) && para.lower(next) == "man" {
        return None;
    }
    // in the passive the subject is what is named, not who names it ("Die Wiener Linien
    // wurden im „Standard“ als „…“ bezeichnet")
    let clause_final = !para.is_word(v + 1);
    let label = para.verb(v).iter().all(|r| r.class == VerbClass::Label);
    if label && clause_final && para.lower(v).ends_with('t') && passive(para, start, v) {
        // ("wurden im „Standard“ als „…“ bezeichnet": unless a paper did the naming)
        return (start..v).find_map(|t| in_paper(para, t, v));
    }
    let before = subject(para, start, v)
        .or_else(|| relative_antecedent(para, start, v))
        .or_else(|| coordinated_subject(para, start, v));
    // "Im Dezember hatte Kanzlerin Merkel verkündet": the phrase after the auxiliary
    // when it is surer than what opens the sentence
    let before = match before {
        Some(np) if strength(para, &np) == Strength::Strong => Some(np),
        other => match aux_subject(para, start, v) {
            Some(aux) if strength(para, &aux) == Strength::Strong => Some(aux),
            aux => other.or(aux),
        },
    };
    let before = before.or_else(|| named_right_before(para, start, v));
    let rank = |np: &Option<Np>| np.as_ref().map(|np| strength(para, np));
    // a sure subject wins whatever follows the verb: the phrase after it is not read
    if rank(&before) == Some(Strength::Strong) {
        return before;
    }
    let after = (!is_participle(&para.lower(v)))
        .then(|| speaker_after(para, v + 1, anchor))
        .flatten();
    // a naming verb takes its object right after it ("nannte die Entscheidung „…“")
    let speech = para.verb(v).iter().any(|r| r.class == VerbClass::Speech);
    // (a strong subject was returned above)
    match (rank(&before), rank(&after)) {
        (_, Some(Strength::Strong)) => after,
        (Some(_), _) => before,
        (_, Some(Strength::Medium))
            if matches!(
                after,
                Some(Np {
                    kind: NpKind::Person { .. },
                    ..
                })
            ) =>
        {
            after
        }
        _ if speech => after,
        _ => None,
    }
}

/// "im „Standard“", "in der „Zeit“": a paper named in quotation marks after "in".
fn in_paper(para: &Para, t: usize, limit: usize) -> Option<Np> {
    if !para.is_word(t) || !matches!(para.lower(t).as_ref(), "im" | "in") {
        return None;
    }
    np::at(para, t + 1, limit).filter(|np| matches!(np.kind, NpKind::QuotedName(_)))
}

/// The first phrase before a colon that surely names a speaker; a phrase that is not the object of a preposition ("im Kongress") may still be the
/// speaker when no surer one is there ("Die Bewohner des Dorfes sehen es gelassen:").
pub(super) fn first_strong(para: &Para, start: usize, colon: usize) -> Option<Np> {
    let mut t = start;
    let mut fallback = None;
    let opening = skip_leading(para, start, colon);
    while t < colon {
        let Some(np) = np::at(para, t, colon) else {
            t += 1;
            continue;
        };
        let next = np.range.end.max(t + 1);
        let in_phrase = t > start && para.is_word(t - 1) && para.is(t - 1, "preposition");
        let subject = !in_phrase && nominative(para, &np);
        let Some(np) = speaking(para, np).filter(|_| subject) else {
            // an adjective or a verb the lists do not know may open a phrase that hides
            // the speaker after it ("warb Obama für das Gesetz")
            let opens_phrase = para.is_capitalized(t)
                || para.is(t, "determiner")
                || para.is(t, "possessive")
                || in_phrase;
            t = if opens_phrase { next } else { t + 1 };
            continue;
        };
        // the subject opening the clause, right before its verb ("Paolo hatte …:")
        let subject_first = t == opening
            && para.is_word(np.range.end)
            && !para.is_capitalized(np.range.end)
            && !matches!(np.kind, NpKind::Document);
        if subject_first || strength(para, &np) == Strength::Strong {
            return Some(np);
        }
        let medium = strength(para, &np) == Strength::Medium;
        // a body only as the subject opening the sentence, a person anywhere
        let fits = match np.kind {
            NpKind::Person { .. } => true,
            NpKind::Body => t == opening,
            _ => false,
        };
        if fallback.is_none() && medium && fits {
            fallback = Some(np);
        }
        t = next;
    }
    fallback
}

/// The subject before the verb at `v`: a phrase that starts at the sentence start (after
/// leading adverbs), or after a comma, and reaches the verb past adverbs, phrases with a
/// preposition, or a relative clause.
pub(super) fn subject(para: &Para, start: usize, v: usize) -> Option<Np> {
    // a clause after a comma may open with a conjunction ("…, weil die Regierung …")
    let mut starts: Vec<usize> = (start..v)
        .filter(|&t| {
            t > start
                && matches!(
                    para.tokens[t - 1].kind,
                    Kind::Punct(',' | ':' | '–' | '(') | Kind::Quote(_)
                )
        })
        .map(|t| skip_leading(para, t, v))
        .collect();
    let leading = skip_leading(para, start, v);
    starts.push(leading);
    // "Jim DeMint, ein Mitglied des Senats, …": an apposition inside the opening phrase
    // is no subject of its own
    let mut opening = np::at(para, leading, v);
    let range = opening.as_ref().map(|np| np.range.clone());
    let inside_opening = |s: usize| range.as_ref().is_some_and(|r| s > r.start && s < r.end);
    // "Er sagte, Europa brauche die Engländer und fügte hinzu": a clause in reported
    // speech holds what was said, not who says the verb after it
    let reported = |s: usize| s > leading && (s..v).any(|t| is_subjunctive(para, t));
    starts.retain(|&s| !inside_opening(s) && !reported(s));
    starts.sort_unstable_by(|a, b| b.cmp(a));
    starts.dedup();
    starts.into_iter().find_map(|s| {
        // (the opening phrase is read once, above)
        let np = if s == leading {
            opening.take()
        } else {
            np::at(para, s, v)
        }?;
        let fronted = s > start
            && matches!(para.lower(s - 1).as_ref(), "als" | "wie")
            && strength(para, &np) < Strength::Strong;
        // "Bertram Hilgen (SPD) sagte": what stands in brackets is no subject
        let bracketed = s > start && para.is_punct(s - 1, '(') && np.range.end != v;
        (!fronted && !bracketed && nominative(para, &np) && reaches(para, np.range.end, v))
            .then_some(np)
            .and_then(|np| speaking(para, np))
    })
}

/// Whether only adverbs, phrases with a preposition, a relative clause or a few other
/// words stand between a subject ending at `from` and its verb at `v`.
fn reaches(para: &Para, from: usize, v: usize) -> bool {
    // a phrase may end with the comma that closes its apposition ("Günther Platter, der
    // Minister, der …, sagte")
    let mut t = if from > 0 && para.is_punct(from - 1, ',') && !para.is_punct(from, ',') {
        from - 1
    } else {
        from
    };
    // ", der als Kritiker des Papstes gilt,", ", Ordnungsdezernent der Stadt,": a
    // relative clause or an apposition between commas
    if para.is_punct(t, ',')
        && let Some(close) = (t + 1..v).find(|&c| para.is_punct(c, ','))
    {
        let relative = para.is_word(t + 1) && para.is(t + 1, "relative");
        if relative || close + 1 == v {
            t = close + 1;
        }
    }
    if t > v {
        return false;
    }
    if t < from {
        t = from;
    }
    // a verb at the end of its clause: "hatte den Bericht als „falsch“ zurückgewiesen"
    // ("… zum Ziel erklärt hatte:": an auxiliary may follow the verb at the end)
    let ends_at =
        |t: usize| t >= para.tokens.len() || matches!(para.tokens[t].kind, Kind::Punct(_));
    let clause_final = ends_at(v + 1) || (is_auxiliary(para, v + 1) && ends_at(v + 2));
    // words, quotes, brackets ("(1998 bis 2002)") and the hyphen of "Fraktions- und …"
    let plain = |k: usize| {
        matches!(
            para.tokens[k].kind,
            Kind::Word | Kind::Quote(_) | Kind::Punct('(' | ')' | '-')
        ) && verb_at(para, k, v).is_none()
    };
    // "Henning Scherf (SPD), warnte": the comma that closes a long subject
    t == v
        || (t + 1 == v && para.is_punct(t, ','))
        || skip_fillers(para, t, v) == v
        || (v - t <= 8 && (t..v).all(plain))
        || (clause_final && v - t <= 16 && (t..v).all(plain))
}

/// The first token after leading adverbs and conjunctions ("Auch", "Weiter", "Wie").
pub(super) fn skip_leading(para: &Para, start: usize, limit: usize) -> usize {
    let mut t = start;
    while t < limit && para.is_word(t) {
        let lower = para.lower(t);
        let leading = para.is(t, "adverb")
            || para.is(t, "connective")
            || matches!(
                lower.as_ref(),
                "wie" | "als" | "während" | "nachdem" | "weil" | "da" | "dass" | "ob"
            );
        if !leading {
            break;
        }
        t += 1;
    }
    t
}

/// Skips adverbs and phrases with a preposition ("dazu am Montag gegenüber der Zeitung").
pub(super) fn skip_fillers(para: &Para, from: usize, limit: usize) -> usize {
    let mut t = from;
    while t < limit && para.is_word(t) && !para.is_capitalized(t) && t <= from + 12 {
        if para.is(t, "adverb") {
            t += 1;
        } else if para.is(t, "preposition") {
            t = past_phrase(para, t + 1, limit);
        } else {
            break;
        }
    }
    t
}

/// Past the object of a preposition: an article, adjectives, then capitalised words.
fn past_phrase(para: &Para, from: usize, limit: usize) -> usize {
    let mut t = from;
    if t < limit && para.is_word(t) && para.is(t, "determiner") {
        t += 1;
    }
    while t < limit && t < from + 4 && para.is_word(t) && !para.is_capitalized(t) {
        if para.is(t, "preposition") || para.is(t, "determiner") || !para.verb(t).is_empty() {
            break;
        }
        t += 1;
    }
    while t < limit && para.is_capitalized(t) {
        t += 1;
    }
    t
}

/// The speaker after a speech verb: past adverbs and prepositional phrases.
pub(super) fn speaker_after(para: &Para, from: usize, end: usize) -> Option<Np> {
    let t = skip_fillers(para, from, end);
    np::at(para, t, end)
        .filter(|np| nominative(para, np))
        .and_then(|np| speaking(para, np))
}

/// "… und der als Gegner auftretende Unternehmer Sondhi Limthongkul rief": a person
/// named with a role or a full name right before the verb, not after a preposition,
/// perhaps with their age or party ("Alice Kakamara, 30, beschrieb", "Heribert Rech
/// (CDU) sagte").
fn named_right_before(para: &Para, start: usize, v: usize) -> Option<Np> {
    let age = v >= 3
        && para.is_punct(v - 1, ',')
        && is_number(para.str(v - 2))
        && para.is_punct(v - 3, ',');
    let bracket = (v >= 2 && para.is_punct(v - 1, ')'))
        .then(|| (v.saturating_sub(5).max(start)..v - 1).rfind(|&t| para.is_punct(t, '(')))
        .flatten();
    let v = match (age, bracket) {
        (true, _) => v - 3,
        (false, Some(open)) => open,
        (false, None) => v,
    };
    (v.saturating_sub(5).max(start)..v)
        .filter(|&s| s == start || !para.is(s - 1, "preposition"))
        .filter_map(|s| np::at(para, s, v))
        .find(|np| {
            let named = match &np.kind {
                NpKind::Person { name, role } => {
                    role.is_some() || words().first_name(&para.lower(name.start)).is_some()
                }
                _ => false,
            };
            np.range.end == v && named && nominative(para, np)
        })
}

fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// A phrase that may be a subject: not opened by an article or possessive in the
/// accusative, dative or genitive ("den Hergang", "dem Minister", "ihrer Mitglieder").
pub(super) fn nominative(para: &Para, np: &Np) -> bool {
    !(para.is_word(np.range.start)
        && matches!(
            para.lower(np.range.start).as_ref(),
            "den"
                | "dem"
                | "des"
                | "einen"
                | "einem"
                | "eines"
                | "im"
                | "am"
                | "zum"
                | "zur"
                | "seinem"
                | "seinen"
                | "seiner"
                | "ihrem"
                | "ihren"
                | "ihrer"
        ))
}
