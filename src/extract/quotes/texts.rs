//! A text as a quote's source: "heißt es" and the text or place named with it ("heißt
//! es in der Mitteilung", "Aus Paris hieß es"), "steht:" and "fand sich" with a text or
//! paper, a relative clause "in dem es heißt", and a part of a text ("im letzten Satz der
//! Anordnung").

use std::ops::Range;

use super::attribution::Attribution;
use super::lexicon::{VerbClass, words};
use super::np::{self, Np, NpKind};
use super::source::speaking;
use super::sureness::as_text;
use super::text::Para;

/// A form of "es heißt", the cue that quotes without a speaker of its own.
pub(super) fn is_impersonal_verb(word: &str) -> bool {
    matches!(word, "heißt" | "hieß" | "geheißen")
}

/// A form of "es heißt" at token `k`, or "geschrieben" beside a form of "stehen"
/// ("auf dem geschrieben stand:", "im Brief steht geschrieben:"): a text speaks.
pub(super) fn is_impersonal_at(para: &Para, k: usize) -> bool {
    let lower = para.lower(k);
    let stands = |t: usize| {
        para.is_word(t)
            && matches!(
                para.lower(t).as_ref(),
                "steht" | "stand" | "stehen" | "standen"
            )
    };
    is_impersonal_verb(&lower)
        || (lower == "geschrieben" && ((k > 0 && stands(k - 1)) || stands(k + 1)))
}

/// "Im Bericht steht: „…“", "In der Zeitung fand sich die Feststellung „…“": the cue
/// at `k` when it is a verb by which a text holds words ("steht" or "stand" before a
/// colon, "fand sich", "findet sich") and a text or paper is named around it.
pub(super) fn held_by_text(
    para: &Para,
    k: usize,
    anchor: usize,
    colon: bool,
) -> Option<Attribution> {
    let holds = match para.str(k) {
        "steht" | "stand" => colon,
        "fand" | "findet" => para.is_word(k + 1) && para.str(k + 1) == "sich",
        _ => false,
    };
    if !holds {
        return None;
    }
    Some(impersonal(para, k, anchor, para.str(k).to_string()))
        .filter(|found| found.speaker.as_ref().is_some_and(|np| is_text(para, np)))
}

/// A text, or a paper that holds words: a medium ("im Spiegel") or a body whose noun
/// also names what it publishes ("in der Zeitung", "im Magazin").
fn is_text(para: &Para, np: &Np) -> bool {
    match np.kind {
        NpKind::Document | NpKind::QuotedName(_) => true,
        NpKind::Body => {
            let head = para.lower(np.head);
            words().is_media(&head) || (words().is_title_noun(&head) && para.is_body(np.head))
        }
        _ => false,
    }
}

/// "heißt es (aus dem Außenministerium)", "Aus Paris hieß es", "heißt es in der
/// Mitteilung": the source named with a preposition, if any.
pub(super) fn impersonal(para: &Para, j: usize, end: usize, cue: String) -> Attribution {
    const SOURCE: &[&str] = &[
        "aus", "von", "vom", "bei", "beim", "seitens", "in", "im", "auf",
    ];
    let sentence = para.sentence_of(j);
    let find = |range: Range<usize>| {
        range.take_while(|&t| para.is_word(t)).find_map(|t| {
            let lower = para.lower(t);
            if !SOURCE.contains(&lower.as_ref()) {
                return None;
            }
            // "von Seiten des Ministeriums": the side is the body after it
            let from = if para.is_word(t + 1) && para.lower(t + 1) == "seiten" {
                t + 2
            } else {
                t + 1
            };
            np::at(para, from, end)
        })
    };
    let speaker = find(j + 1..end.min(j + 8))
        .or_else(|| find(sentence.start..j))
        .or_else(|| text_of_relative_clause(para, sentence.start, j));
    let speaker = speaker
        .and_then(|np| speaking(para, np))
        .filter(|np| !matches!(np.kind, NpKind::Pronoun { .. }));
    Attribution::new(cue, VerbClass::Speech, speaker, true)
}

/// "… des Gesetzes, in dem es heißt", "ein Zettel, auf dem geschrieben stand": the
/// phrase a relative clause "in dem" or "auf dem" follows.
fn text_of_relative_clause(para: &Para, start: usize, j: usize) -> Option<Np> {
    let comma = (start..j).rev().find(|&t| para.is_punct(t, ','))?;
    let relative = para.is_word(comma + 1)
        && matches!(para.lower(comma + 1).as_ref(), "in" | "auf")
        && para.is_word(comma + 2)
        && para.is(comma + 2, "relative")
        && (comma + 3..j).all(|t| para.is_word(t));
    if !relative {
        return None;
    }
    // the phrase may stand before the verb that ends its clause ("ein Zettel kleben,")
    let verb_last = comma > start && para.is_word(comma - 1) && !para.is_capitalized(comma - 1);
    let end = if verb_last { comma - 1 } else { comma };
    let np = (end.saturating_sub(8).max(start)..end)
        .filter_map(|s| np::at(para, s, end))
        .find(|np| np.range.end == end)?;
    // ("des Gesetzes": a text in the genitive)
    Some(as_text(para, np))
}

/// "im letzten Satz der Anordnung", "der Wortlaut des Gesetzes": a part of a text
/// speaks as the text.
pub(super) fn part_of_text(para: &Para, np: &Np) -> Option<Np> {
    if !matches!(np.kind, NpKind::Body) {
        return None;
    }
    let link = (np.head + 1..np.range.end)
        .find(|&t| para.is_word(t) && matches!(para.lower(t).as_ref(), "der" | "des"))?;
    let text = as_text(para, np::at(para, link, np.range.end)?);
    matches!(text.kind, NpKind::Document).then_some(text)
}
