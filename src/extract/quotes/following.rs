//! Cues after a quote: "„…“, sagte X", "„…“, so X", "„…“, wird X zitiert", a verb
//! that closes the quote's clause ("als „…“ bezeichnet"), and a clause after the next
//! comma that reports what came before ("…, wie X berichtete").

use super::attribution::{Attribution, sentence_quote, verb_at};
use super::lexicon::Gender;
use super::lexicon::VerbClass;
use super::np::{self, Np, NpKind};
use super::source::{according_to, is_name_after_von, speaking};
use super::subject::{nominative, skip_fillers, speaker_after, verb_speaker};
use super::text::{Kind, Para};
use super::texts::{impersonal, is_impersonal_verb};

/// `„…“, sagte X`, `„…“, so X`, `„…“, so urteilte X`, `„…“, wie X sagte`,
/// `„…“, X sagte`, `„…“, heißt es aus X`, and a fronted quote: `Von „…“ sprach X`.
pub(super) fn after(para: &Para, q: usize, end: usize) -> Option<Attribution> {
    // "Ein Sprecher der „Polizei von DeLand“, Commander Henderson sagte": a name inside
    // a phrase, not words said
    let inside_phrase = q > 0
        && para.is_word(q - 1)
        && !para.is_capitalized(q - 1)
        && (para.is(q - 1, "determiner") || para.is(q - 1, "preposition"));
    // ("die Mitteilung von „nordwind“ heißt es": a name in any case after "von")
    if inside_phrase && (name_shaped(para, q) || is_name_after_von(para, q)) {
        return None;
    }
    let mut j = q + 1;
    let comma_after = para.is_punct(j, ',') || para.is_punct(j, '–');
    if comma_after {
        j += 1;
    }
    // "\"Prices will rise,\" according to …": English puts the comma inside the marks
    let comma = comma_after
        || para
            .quote_inner(q)
            .is_some_and(|w| w.trim_end().ends_with(','));
    if j >= end || !para.is_word(j) {
        return None;
    }
    let lower = para.lower(j);
    // "„…“, wird Panetta zitiert": a passive after the quote
    if comma
        && matches!(lower.as_ref(), "wird" | "wurde")
        && let Some((v, (class, cue))) =
            (j + 1..end.min(j + 8)).find_map(|v| verb_at(para, v, end).map(|found| (v, found)))
    {
        let speaker = verb_speaker(para, j, v, end);
        return Some(Attribution::new(cue, class, speaker, true));
    }
    // "„…“, meinen die Forscher": "meinen" is a possessive elsewhere, but right after a
    // quote and its comma it is the verb
    if comma
        && lower == "meinen"
        && let Some(speaker) = speaker_after(para, j + 1, end)
    {
        return Some(Attribution::new(
            para.str(j),
            VerbClass::Opinion,
            Some(speaker),
            true,
        ));
    }
    if let Some((class, cue)) = verb_at(para, j, end) {
        if is_impersonal_verb(&lower) {
            return Some(impersonal(para, j, end, cue));
        }
        let speaker = cited(para, &lower, j + 1, end).or_else(|| speaker_after(para, j + 1, end));
        if !comma && speaker.is_none() {
            return None;
        }
        return Some(Attribution::new(cue, class, speaker, true));
    }
    // "„… zu lästig.“ so das Fazit der Betreiber": a quoted sentence needs no comma
    if !comma && (lower != "so" || !sentence_quote(para, q)) {
        return None;
    }
    if lower == "so"
        && let Some((class, cue)) = verb_at(para, j + 1, end)
    {
        // "„…“, so heißt es in der Erklärung des Verbands"
        if is_impersonal_verb(&para.lower(j + 1)) {
            return Some(impersonal(para, j + 1, end, format!("so {cue}")));
        }
        let speaker = speaker_after(para, j + 2, end);
        return Some(Attribution::new(format!("so {cue}"), class, speaker, true));
    }
    if para.is(j, "according_to") {
        let speaker = according_to(para, j, end)?;
        return Some(Attribution::new(
            para.str(j),
            VerbClass::Speech,
            Some(speaker),
            true,
        ));
    }
    let start = if lower == "wie" || lower == "as" {
        j + 1
    } else {
        j
    };
    let speaker = np::at(para, start, end).and_then(|np| speaking(para, np))?;
    let verb = skip_fillers(para, speaker.range.end, end);
    // "„Uncle Ted“, wie der Senator genannt wurde": a name, not words
    if para.is_word(verb) && para.is(verb, "term_marker") {
        return None;
    }
    let (class, cue) = verb_at(para, verb, end)?;
    Some(Attribution::new(cue, class, Some(speaker), true))
}

/// Whether the quote at token `q` reads like a name: a few words, each capitalised or a
/// short joining word ("Polizei von DeLand", "Ärzte ohne Grenzen").
pub(super) fn name_shaped(para: &Para, q: usize) -> bool {
    let Some(inner) = para.quote_inner(q) else {
        return false;
    };
    let words: Vec<&str> = inner.split_whitespace().collect();
    words.len() <= 5
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || w.chars().count() <= 4)
}

/// A verb at the end of the quote's clause: "als „falsch“ zurückgewiesen", "als „…“
/// bezeichnet hat", "von einer „…“ gesprochen".
pub(super) fn clause_after(para: &Para, start: usize, q: usize, end: usize) -> Option<Attribution> {
    let mut t = q + 1;
    while t < end && t <= q + 12 {
        match para.tokens[t].kind {
            Kind::Punct(_) => break,
            Kind::Quote(_) => {}
            // "… „Menschlichkeit“ und bezeichnet eine Philosophie": the next clause
            Kind::Word if matches!(para.lower(t).as_ref(), "und" | "oder" | "aber" | "sondern") => {
                break;
            }
            // "In dem Schreiben war von einem „…“ die Rede": spoken of, by whom the
            // sentence names with a preposition, as after "heißt es"
            // ("von" names what is spoken of, so the source ends before it)
            Kind::Word if para.lower(t) == "rede" && para.lower(t - 1) == "die" => {
                let topic = (start + 1..q)
                    .find(|&k| para.is_word(k) && matches!(para.lower(k).as_ref(), "von" | "vom"));
                return Some(impersonal(
                    para,
                    t,
                    topic.unwrap_or(end),
                    "die Rede".to_string(),
                ));
            }
            Kind::Word => {
                // "die als „…“ bezeichnete Koalition": a participle used as an adjective
                let attributive = para.is_capitalized(t + 1);
                if let Some((class, cue)) = verb_at(para, t, end).filter(|_| !attributive) {
                    let speaker = verb_speaker(para, start, t, end);
                    let label = q > 0 && para.is_word(q - 1) && para.lower(q - 1) == "als";
                    let tight = label || class == VerbClass::Label;
                    return Some(Attribution::new(cue, class, speaker, tight));
                }
            }
        }
        t += 1;
    }
    None
}

/// A cue later in the sentence, after the next comma: "„…“ verständigt, wie staatliche
/// Medien berichteten".
pub(super) fn later(para: &Para, q: usize, end: usize) -> Option<Attribution> {
    let comma = (q + 1..end).find(|&t| para.is_punct(t, ','))?;
    if (q + 1..comma).any(|t| matches!(para.tokens[t].kind, Kind::Quote(_))) {
        return None;
    }
    // only a clause that reports what came before: "wie X berichtete", "so X", ", sagte X"
    let next = para.is_word(comma + 1).then(|| para.lower(comma + 1));
    let reports = match next.as_deref() {
        Some("wie" | "so" | "as") => true,
        // ", hatte Koch-Mehrin damals gesagt": the speaker between auxiliary and participle
        Some("hat" | "hatte" | "habe" | "hätte" | "hatten") => {
            let verb =
                (comma + 2..end.min(comma + 10)).find(|&t| verb_at(para, t, end).is_some())?;
            let speaker = verb_speaker(para, comma + 1, verb, end)?;
            let (class, cue) = verb_at(para, verb, end)?;
            return Some(Attribution::new(cue, class, Some(speaker), false));
        }
        Some(_) => verb_at(para, comma + 1, end).is_some(),
        None => false,
    };
    // "sei „…“, da …, so die FIFA.": "so X" closing the sentence speaks for all of it
    let comma = if reports {
        comma
    } else {
        closing_so(para, q, end)?
    };
    let mut found = after(para, comma - 1, end)?;
    found.speaker.as_ref()?;
    found.tight = false;
    Some(found)
}

/// The comma before a "so X" that ends the sentence after the quote at `q`, with no
/// other quote in between.
fn closing_so(para: &Para, q: usize, end: usize) -> Option<usize> {
    let comma = (q + 1..end).rev().find(|&t| para.is_punct(t, ','))?;
    let so = para.is_word(comma + 1) && para.lower(comma + 1) == "so";
    let quote_between = (q + 1..comma).any(|t| matches!(para.tokens[t].kind, Kind::Quote(_)));
    let speaker_ends = np::at(para, comma + 2, end).is_some_and(|np| {
        let after = np.range.end;
        after >= end || para.is_punct(after, '.') || para.is_punct(after, '!')
    });
    (so && !quote_between && speaker_ends).then_some(comma)
}

/// After "zitiert" the one cited is the speaker, not the one who cites: "„…“, zitiert
/// die Zeitung den Minister", "zitiert die „Computerwoche“ Lynch", "zitiert ihn die
/// Zeitung". `None` when no one is cited but the source ("zitiert die Zeitung").
fn cited(para: &Para, verb: &str, from: usize, end: usize) -> Option<Np> {
    if !matches!(verb, "zitiert" | "zitierte" | "zitierten" | "zitieren") {
        return None;
    }
    let t = skip_fillers(para, from, end);
    if para.is_word(t) && para.lower(t) == "ihn" {
        return Some(Np {
            range: t..t + 1,
            core: t..t + 1,
            kind: NpKind::Pronoun {
                gender: Gender::Male,
            },
            apposition: None,
            role_tail: None,
            head: t,
        });
    }
    let person = |np: &Np| matches!(np.kind, NpKind::Person { .. } | NpKind::RoleRef { .. });
    // the one who cites: a phrase, or an article and a quoted name ("die „Computerwoche“")
    let quoted_name = para.is(t, "determiner")
        && matches!(para.tokens.get(t + 1).map(|k| k.kind), Some(Kind::Quote(_)));
    let after_first = match np::at(para, t, end) {
        Some(first) if !nominative(para, &first) => return speaking(para, first).filter(person),
        Some(first) => first.range.end,
        None if quoted_name => t + 2,
        None => return None,
    };
    let second = np::at(para, skip_fillers(para, after_first, end), end)?;
    speaking(para, second).filter(person)
}
