//! Subjects a speech verb finds outside its own clause opening: the one quoted or the
//! agent of a passive ("wird Musk zitiert", "von Experten als „…“ bezeichnet"), the
//! subject after a fronted auxiliary ("Im Dezember hatte Kanzlerin Merkel verkündet"),
//! the antecedent of a relative clause, and the subject a verb after "und" shares.

use super::attribution::verb_at;
use super::lexicon::{VerbClass, Words, words};
use super::neighbours::SUBORDINATING;
use super::np::{self, Np, NpKind};
use super::source::speaking;
use super::subject::{
    first_strong, nominative, skip_fillers, skip_leading, speaker_after, subject,
};
use super::sureness::{Strength, strength};
use super::text::{Kind, Para};

/// A form of "werden" in the clause before the participle at `v`.
pub(super) fn passive(para: &Para, start: usize, v: usize) -> bool {
    (start..v)
        .rev()
        .take_while(|&t| !matches!(para.tokens[t].kind, Kind::Punct(',' | ':' | ';')))
        .any(|t| {
            para.is_word(t)
                && matches!(
                    para.lower(t).as_ref(),
                    "wird" | "wurde" | "werden" | "wurden"
                )
        })
}

/// Finite auxiliaries and modals that may open a clause before its subject.
const AUXILIARIES: &[&str] = &[
    "hat", "hatte", "habe", "hätte", "hatten", "haben", "wird", "wurde", "werde", "würde", "soll",
    "sollte", "solle", "will", "wollte", "wolle", "kann", "konnte", "könne", "muss", "musste",
    "müsse", "ließ", "lässt",
];

/// Whether token `t` is a finite auxiliary or modal ("hatte", "soll", "wird").
pub(super) fn is_auxiliary(para: &Para, t: usize) -> bool {
    para.is_word(t) && AUXILIARIES.contains(&para.lower(t).as_ref())
}

/// The subject after the auxiliary that opens the clause of the verb at `v`: ", hatte
/// Koch-Mehrin damals gesagt", "soll Anelka zu Domenech gesagt haben", "Im Dezember
/// hatte Kanzlerin Merkel verkündet".
pub(super) fn aux_subject(para: &Para, start: usize, v: usize) -> Option<Np> {
    let clause = (start..v)
        .rev()
        .find(|&t| {
            matches!(
                para.tokens[t].kind,
                Kind::Punct(',' | ':' | ';') | Kind::Quote(_)
            )
        })
        .map_or(start, |t| t + 1);
    let aux = (clause..v).find(|&t| is_auxiliary(para, t))?;
    // only adverbs or one phrase with a preposition before the auxiliary
    let fronted = skip_fillers(para, skip_leading(para, clause, aux), aux);
    if fronted != aux && (clause..aux).any(|t| !para.is_word(t)) {
        return None;
    }
    let np = np::at(para, skip_fillers(para, aux + 1, v), v)?;
    speaking(para, np).filter(|np| np.range.end <= v && nominative(para, np))
}

/// "Netanyahu begrüßte den Angriff und nannte ihn „…“": the subject of the first verb
/// of the sentence serves the one after "und".
pub(super) fn coordinated_subject(para: &Para, start: usize, v: usize) -> Option<Np> {
    let joined = v > start
        && para.is_word(v - 1)
        && matches!(para.lower(v - 1).as_ref(), "und" | "aber" | "sondern");
    // "DeMint wollte sich nicht festlegen, sagte aber, …": a verb opening a clause after
    // a comma with no subject of its own
    let elliptic = v > start
        && para.is_punct(v - 1, ',')
        && para.is_word(v + 1)
        && matches!(
            para.lower(v + 1).as_ref(),
            "aber" | "jedoch" | "dann" | "zudem" | "außerdem" | "auch" | "später"
        )
        && !para.is_capitalized(v + 2);
    if !joined && !elliptic {
        return None;
    }
    // "Als die Polizei kam, schlug der Randalierer … und rief": a clause opened by a
    // conjunction has a subject of its own; the verb after "und" is the main clause's
    if start < v
        && para.is_word(start)
        && SUBORDINATING.contains(&para.lower(start).as_ref())
        && let Some(comma) = (start..v - 1).find(|&t| para.is_punct(t, ','))
    {
        return coordinated_subject(para, comma + 1, v);
    }
    // a name the lists do not know is sure enough when a verb follows it right away
    // ("Key hat sich informiert und sprach von …")
    let opening = np::at(para, skip_leading(para, start, v), v).filter(|np| {
        // ("Ab und zu war er …": "und" is no verb)
        let verb_next = para.is_word(np.range.end)
            && !para.is_capitalized(np.range.end)
            && !para.is(np.range.end, "function");
        let sure = match strength(para, np) {
            Strength::Strong => true,
            Strength::Medium => verb_next && matches!(np.kind, NpKind::Person { .. }),
            _ => false,
        };
        sure && !matches!(np.kind, NpKind::Pronoun { .. } | NpKind::Possessive)
            && nominative(para, np)
    });
    if opening.is_some() {
        return opening;
    }
    // "Auf Twitter zeigte sich die Regierung bestürzt und verurteilte ihn als „…“": the
    // speaker of the speech verb before "und"
    if elliptic {
        return None;
    }
    let earlier = (start..v - 1)
        .rev()
        .find(|&k| verb_at(para, k, v).is_some());
    match earlier {
        Some(earlier) => {
            subject(para, start, earlier).or_else(|| speaker_after(para, earlier + 1, v - 1))
        }
        // "In seiner Stellungnahme befand der Premierminister X den Angriff als … und
        // nannte ihn „…“": the one sure subject of the first clause
        None => first_strong(para, start, v - 1)
            .filter(|np| {
                // right after the verb of the first clause, not after "und" or a preposition
                let p = np.range.start;
                let after_verb = p > start
                    && para.is_word(p - 1)
                    && !para.is_capitalized(p - 1)
                    && !para.is(p - 1, "connective")
                    && !para.is(p - 1, "preposition")
                    && !para.is(p - 1, "function");
                // "Noch kurz vor der Wahl war Mierscheid optimistisch und sagte": a name
                // right after the verb is its subject, even a surname alone
                let sure = match np.kind {
                    NpKind::Person { .. } => strength(para, np) >= Strength::Medium,
                    NpKind::RoleRef { .. } => strength(para, np) == Strength::Strong,
                    _ => false,
                };
                after_verb && sure
            })
            .or_else(|| after_opening_verb(para, start, v - 1)),
    }
}

/// "Danach biss der Randalierer den Fluggast und rief:": a person noun or a body with its
/// article right after the verb that opens the clause before "und".
fn after_opening_verb(para: &Para, start: usize, and: usize) -> Option<Np> {
    let clause = (start..and)
        .rev()
        .find(|&t| para.is_punct(t, ','))
        .map_or(start, |c| c + 1);
    let verb = skip_leading(para, clause, and);
    let not_verb = Words::mask(&[
        "preposition",
        "function",
        "determiner",
        "connective",
        "relative",
    ]);
    let opens =
        para.is_word(verb) && !para.is_capitalized(verb) && para.classes(verb) & not_verb == 0;
    if !opens {
        return None;
    }
    np::at(para, verb + 1, and)
        .filter(|np| {
            matches!(np.kind, NpKind::Body)
                && np.core.start > np.range.start
                && strength(para, np) >= Strength::Medium
                && nominative(para, np)
        })
        .and_then(|np| speaking(para, np))
}

/// "Der Minister, der den Plan als „…“ bezeichnete, …": the verb of a relative clause
/// whose pronoun is its subject speaks for the phrase the clause follows.
pub(super) fn relative_antecedent(para: &Para, start: usize, v: usize) -> Option<Np> {
    let comma = (start..v).rev().find(|&t| para.is_punct(t, ','))?;
    let subject_pronoun = para.is_word(comma + 1)
        && matches!(
            para.lower(comma + 1).as_ref(),
            "der" | "die" | "welcher" | "welche"
        );
    if !subject_pronoun || (comma + 2..v).any(|t| matches!(para.tokens[t].kind, Kind::Punct(_))) {
        return None;
    }
    (comma.saturating_sub(8).max(start)..comma)
        .filter_map(|s| np::at(para, s, comma))
        .find(|np| np.range.end == comma && nominative(para, np))
        .and_then(|np| speaking(para, np))
        .filter(|np| match np.kind {
            NpKind::Pronoun { .. } => false,
            // "ein Kommentar, der … als „…“ bezeichnet": a written text may, a mere
            // utterance ("die Kritik, die …") may not
            NpKind::Document => words().is_written_text(&para.lower(np.head)),
            _ => true,
        })
}

/// "wird Musk wie folgt zitiert", "wurde der Minister mit den Worten zitiert", "werden
/// von Musikkennern als „…“ bezeichnet".
pub(super) fn passive_agent(para: &Para, start: usize, v: usize) -> Option<Np> {
    let aux = (start..v)
        .rev()
        .take_while(|&t| para.is_word(t) || matches!(para.tokens[t].kind, Kind::Quote(_)))
        .find(|&t| {
            matches!(
                para.lower(t).as_ref(),
                "wird" | "wurde" | "werden" | "wurden"
            )
        })?;
    // "wird Watzke auf der Seite von Borussia Dortmund zitiert": with a verb of speech
    // the phrase right after the auxiliary is the one quoted
    let speech = para.verb(v).iter().any(|r| r.class == VerbClass::Speech);
    if speech
        && let Some(np) = np::at(para, skip_fillers(para, aux + 1, v), v)
        && match np.kind {
            NpKind::Person { .. } => strength(para, &np) >= Strength::Medium,
            NpKind::RoleRef { .. } => strength(para, &np) == Strength::Strong,
            _ => false,
        }
    {
        return Some(np);
    }
    // the agent with "von": "von Musikkennern", "vom Ministerium"; the one nearest the
    // verb ("die Gefahr von Bränden vom Wetterdienst als … eingestuft"); but who quotes
    // is not who speaks ("X wird von der „Netzeitung“ mit den Worten zitiert")
    if !para.lower(v).starts_with("zitiert") {
        let agent = (aux + 1..v)
            .rev()
            .filter(|&t| para.is_word(t) && matches!(para.lower(t).as_ref(), "von" | "vom"))
            .find_map(|t| np::at(para, t + 1, v).and_then(|np| speaking(para, np)));
        if agent.is_some() {
            return agent;
        }
    }
    if !is_participle(&para.lower(v)) && !para.lower(v).ends_with("iert") {
        return None;
    }
    let np = np::at(para, skip_fillers(para, aux + 1, v), v)?;
    matches!(
        np.kind,
        NpKind::Person { .. } | NpKind::RoleRef { .. } | NpKind::Pronoun { .. }
    )
    .then_some(np)
}

/// "gesagt", "hinzugefügt", "mitgeteilt": a participle has no speaker after it.
pub(super) fn is_participle(form: &str) -> bool {
    let ge = form
        .find("ge")
        .is_some_and(|at| at <= 5 && form.len() > at + 4);
    ge && (form.ends_with('t') || form.ends_with("en")) && !form.starts_with("geht")
}
