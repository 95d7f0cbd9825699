//! Who a quote is attributed to, from its own sentence: the speech cue ("sagt", "so",
//! "laut", "zufolge", "heißt es", a colon) and the speaker phrase it points to, before or
//! after the quote.

use std::ops::Range;

use super::lexicon::{VerbClass, words};
use super::np::{self, Np, NpKind};
use super::text::{Kind, Para};

/// A cue and the phrase it names as the speaker.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// The cue as written ("sagt", "fügte hinzu", "so", "laut", "heißt es", ":").
    pub cue: String,
    pub class: VerbClass,
    /// The speaker phrase; `None` for a cue with no speaker ("hieß es").
    pub speaker: Option<Np>,
    /// Attached to the quote itself (", sagte er", "sagte er: „…“", a naming verb), not
    /// only to the sentence around it.
    pub tight: bool,
}

/// The attribution of the quote at token `q`, looked for right after it, then before it
/// in its sentence.
pub fn of_quote(para: &Para, q: usize) -> Option<Attribution> {
    let sentence = para.sentence_of(q);
    let found = after(para, q, sentence.end);
    // "„…“, gab jedoch … an": a verb after the quote with no speaker of its own
    let Some(mut found) = found else {
        return before(para, sentence.start, q).or_else(|| later(para, q, sentence.end));
    };
    if found.speaker.is_none() && !found.cue.starts_with('h') {
        if let Some(earlier) = before(para, sentence.start, q) {
            return Some(earlier);
        }
    }
    // "Libman sieht es ähnlich: „…“, sagt er": the name before the quote is the "er"
    if found
        .speaker
        .as_ref()
        .is_some_and(|np| matches!(np.kind, NpKind::Pronoun { .. }))
    {
        let named = before(para, sentence.start, q)
            .and_then(|b| b.speaker)
            .filter(|np| matches!(np.kind, NpKind::Person { .. }));
        if named.is_some() {
            found.speaker = named;
        }
    }
    Some(found)
}

/// A cue later in the sentence, after the next comma: "„…“ verständigt, wie staatliche
/// Medien berichteten".
fn later(para: &Para, q: usize, end: usize) -> Option<Attribution> {
    let comma = (q + 1..end).find(|&t| para.is_punct(t, ','))?;
    if (q + 1..comma).any(|t| matches!(para.tokens[t].kind, Kind::Quote(_))) {
        return None;
    }
    let mut found = after(para, comma - 1, end)?;
    found.tight = false;
    Some(found)
}

/// An attribution in a sentence with no quote of its own ("…, meint Richter."), which
/// later quotes may continue.
pub fn of_sentence(para: &Para, sentence: Range<usize>) -> Option<Attribution> {
    before(para, sentence.start, sentence.end).filter(|a| a.speaker.is_some())
}

/// The verb at token `k` when it is a speech verb whose particle (if it needs one)
/// stands in the same clause: its class and the cue text ("fügte hinzu").
fn verb_at(para: &Para, k: usize, limit: usize) -> Option<(VerbClass, String)> {
    if !para.is_word(k) || (para.is_capitalized(k) && para.sentence_of(k).start != k) {
        return None;
    }
    let form = para.lower(k);
    let clause_end = (k + 1..limit)
        .find(|&t| {
            matches!(
                para.tokens[t].kind,
                Kind::Punct(',' | ';' | ':' | '.') | Kind::Quote(_)
            )
        })
        .unwrap_or(limit);
    for reading in words().verb(&form) {
        match reading.particle {
            None => return Some((reading.class, para.str(k).to_string())),
            Some(particle) => {
                let parts: Vec<&str> = particle.split_whitespace().collect();
                let found = (k + 1..clause_end)
                    .chain(para.sentence_of(k).start..k)
                    .any(|t| {
                        parts
                            .iter()
                            .enumerate()
                            .all(|(n, p)| para.is_word(t + n) && para.lower(t + n) == *p)
                    });
                if found {
                    return Some((reading.class, format!("{} {particle}", para.str(k))));
                }
            }
        }
    }
    None
}

/// `„…“, sagte X`, `„…“, so X`, `„…“, wie X sagte`, `„…“, X sagte`, `„…“, heißt es aus X`.
fn after(para: &Para, q: usize, end: usize) -> Option<Attribution> {
    let mut j = q + 1;
    let comma = para.is_punct(j, ',') || para.is_punct(j, '–');
    if comma {
        j += 1;
    }
    if j >= end || !para.is_word(j) {
        return None;
    }
    let lower = para.lower(j);
    if let Some((class, cue)) = verb_at(para, j, end) {
        if matches!(lower.as_ref(), "heißt" | "hieß") {
            return Some(impersonal(para, j, end, cue));
        }
        let speaker = speaker_after(para, j + 1, end);
        return Some(Attribution {
            cue,
            class,
            speaker,
            tight: comma || class == VerbClass::Label,
        });
    }
    if !comma {
        return None;
    }
    if words().is("according_to", &lower) {
        let speaker = np::at(para, j + 1, end).filter(|np| is_speaker_in(para, np))?;
        return Some(Attribution {
            cue: para.str(j).to_string(),
            class: VerbClass::Speech,
            speaker: Some(speaker),
            tight: true,
        });
    }
    let start = if lower == "wie" || lower == "as" {
        j + 1
    } else {
        j
    };
    let speaker = np::at(para, start, end).filter(|np| is_speaker_in(para, np))?;
    let (class, cue) = verb_at(para, skip_fillers(para, speaker.range.end, end), end)?;
    Some(Attribution {
        cue,
        class,
        speaker: Some(speaker),
        tight: true,
    })
}

/// "heißt es (aus dem Außenministerium)": the body after the preposition, if any.
fn impersonal(para: &Para, j: usize, end: usize, cue: String) -> Attribution {
    let mut t = j + 1;
    let mut speaker = None;
    while t < end && t < j + 8 {
        if para.is_word(t)
            && matches!(
                para.lower(t).as_ref(),
                "aus" | "von" | "vom" | "bei" | "beim" | "seitens"
            )
        {
            speaker = np::at(para, t + 1, end).filter(|np| is_speaker_in(para, np));
            break;
        }
        if !para.is_word(t) {
            break;
        }
        t += 1;
    }
    Attribution {
        cue,
        class: VerbClass::Speech,
        speaker,
        tight: true,
    }
}

/// "gesagt", "hinzugefügt", "mitgeteilt": a participle has no speaker after it.
fn is_participle(form: &str) -> bool {
    let ge = form
        .find("ge")
        .is_some_and(|at| at <= 5 && form.len() > at + 4);
    ge && (form.ends_with('t') || form.ends_with("en")) && !form.starts_with("geht")
}

/// A phrase that can speak; a quote is a speaker only as a short name ("schrieb „Die Zeit“").
fn is_speaker_in(para: &Para, np: &Np) -> bool {
    match np.kind {
        NpKind::QuotedName(q) => {
            let span = para.quotes[q];
            let inner = para.text[span.inner_start..span.inner_end].trim();
            inner.split_whitespace().count() <= 3 && inner.starts_with(char::is_uppercase)
        }
        _ => true,
    }
}

/// Scans back from `anchor` for a cue: a speech verb with its subject or inverted
/// speaker, "laut X", "X zufolge", "so X", "Sein Fazit:", "heißt es".
fn before(para: &Para, start: usize, anchor: usize) -> Option<Attribution> {
    let colon = anchor > start && para.is_punct(anchor - 1, ':');
    for k in (start..anchor).rev() {
        if let Kind::Quote(_) = para.tokens[k].kind {
            return None;
        }
        if !para.is_word(k) {
            continue;
        }
        let lower = para.lower(k);
        if let Some((class, cue)) = verb_at(para, k, anchor) {
            if matches!(lower.as_ref(), "heißt" | "hieß") {
                return Some(impersonal(para, k, anchor, cue));
            }
            let inverted = || {
                (!is_participle(&lower))
                    .then(|| speaker_after(para, k + 1, anchor))
                    .flatten()
            };
            let speaker = subject(para, start, k).or_else(inverted);
            let tight = colon || class == VerbClass::Label;
            return Some(Attribution {
                cue,
                class,
                speaker,
                tight,
            });
        }
        if words().is("according_to", &lower) {
            if let Some(speaker) = np::at(para, k + 1, anchor).filter(|np| is_speaker_in(para, np))
            {
                return Some(Attribution {
                    cue: para.str(k).to_string(),
                    class: VerbClass::Speech,
                    speaker: Some(speaker),
                    tight: colon,
                });
            }
        }
        if lower == "zufolge" {
            let speaker = (k.saturating_sub(8).max(start)..k)
                .find_map(|s| np::at(para, s, k).filter(|np| np.range.end == k));
            if speaker.is_some() {
                return Some(Attribution {
                    cue: "zufolge".into(),
                    class: VerbClass::Speech,
                    speaker,
                    tight: false,
                });
            }
        }
        if colon && k + 1 == anchor - 1 && words().is_speech_noun(&lower) {
            let speaker = np::at(para, k.saturating_sub(1).max(start), anchor);
            let speaker = speaker
                .filter(|np| matches!(np.kind, NpKind::Possessive))
                .or_else(|| np::at(para, start, k));
            return Some(Attribution {
                cue: para.str(k).to_string(),
                class: VerbClass::Speech,
                speaker,
                tight: true,
            });
        }
    }
    None
}

/// The subject before the verb at `v`: a phrase that starts at the sentence start (after
/// leading adverbs), or after a comma, and ends where only adverbs and phrases with a
/// preposition stand between it and the verb.
fn subject(para: &Para, start: usize, v: usize) -> Option<Np> {
    let mut starts: Vec<usize> = (start..v)
        .filter(|&t| {
            t > start && matches!(para.tokens[t - 1].kind, Kind::Punct(',' | ':' | '–' | '('))
        })
        .collect();
    starts.push(skip_leading(para, start, v));
    starts.sort_unstable_by(|a, b| b.cmp(a));
    starts.dedup();
    starts.into_iter().find_map(|s| {
        let np = np::at(para, s, v)?;
        let reaches = np.range.end == v
            || skip_fillers(para, np.range.end, v) == v
            || (v - np.range.end <= 8
                && (np.range.end..v).all(|t| para.is_word(t) && verb_at(para, t, v).is_none()));
        (reaches && is_speaker_in(para, &np)).then_some(np)
    })
}

/// The first token after leading adverbs and conjunctions ("Auch", "Weiter", "Wie").
fn skip_leading(para: &Para, start: usize, limit: usize) -> usize {
    let w = words();
    let mut t = start;
    while t < limit && para.is_word(t) {
        let lower = para.lower(t);
        if w.is("adverb", &lower)
            || w.is("connective", &lower)
            || matches!(lower.as_ref(), "wie" | "als" | "während" | "nachdem")
        {
            t += 1;
        } else {
            break;
        }
    }
    t
}

/// Skips adverbs and phrases with a preposition ("dazu am Montag gegenüber der Zeitung").
fn skip_fillers(para: &Para, from: usize, limit: usize) -> usize {
    let w = words();
    let mut t = from;
    while t < limit && para.is_word(t) && !para.is_capitalized(t) {
        let lower = para.lower(t);
        if w.is("adverb", &lower) {
            t += 1;
        } else if w.is("preposition", &lower) {
            t = past_phrase(para, t + 1, limit);
        } else {
            break;
        }
        if t > from + 12 {
            break;
        }
    }
    t
}

/// Past the object of a preposition: an article, adjectives, then capitalised words.
fn past_phrase(para: &Para, from: usize, limit: usize) -> usize {
    let w = words();
    let mut t = from;
    if t < limit && para.is_word(t) && w.is("determiner", &para.lower(t)) {
        t += 1;
    }
    while t < limit && t < from + 4 && para.is_word(t) && !para.is_capitalized(t) {
        let lower = para.lower(t);
        if w.is("preposition", &lower) || w.is("determiner", &lower) || !w.verb(&lower).is_empty() {
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
fn speaker_after(para: &Para, from: usize, end: usize) -> Option<Np> {
    let t = skip_fillers(para, from, end);
    np::at(para, t, end).filter(|np| is_speaker_in(para, np))
}
