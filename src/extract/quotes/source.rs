//! The phrases that name a quote's source without a speech verb of their own ("laut X",
//! "X zufolge", "nach Angaben X", "Seiner Ansicht nach", "heißt es aus X"), and whether a
//! phrase can be a speaker at all.

use super::attribution::Attribution;
use super::lexicon::{VerbClass, Words, words};
use super::np::{self, Np, NpKind};
use super::phrase::is_subjunctive;
use super::subject::{speaker_after, subject, verb_speaker};
use super::sureness::{self, Strength, strength};
use super::text::{Kind, Para, at_most_words};
use super::texts::part_of_text;

/// The speaker named after the cue at `k` ("laut Richter", "so der Kreml", "according
/// to the Bank of England").
pub(super) fn according_to(para: &Para, k: usize, end: usize) -> Option<Np> {
    let to = para.is_word(k + 1) && para.lower(k) == "according" && para.lower(k + 1) == "to";
    let from = if to { k + 2 } else { k + 1 };
    np::at(para, from, end).and_then(|np| speaking(para, np))
}

/// The speaker a phrase names: itself when it can speak, the author of a document
/// ("die Mitteilung des Ministeriums" → "des Ministeriums"), else none.
pub(super) fn speaking(para: &Para, np: Np) -> Option<Np> {
    if is_speaker_in(para, &np) {
        return Some(np);
    }
    if let Some(author) = sureness::author(para, &np).filter(|a| is_speaker_in(para, a)) {
        return Some(author);
    }
    let document = matches!(np.kind, NpKind::Body) && words().is_document(&para.lower(np.head));
    if document {
        return Some(Np {
            kind: NpKind::Document,
            ..np
        });
    }
    part_of_text(para, &np)
}

/// A phrase that can speak; a quote is a speaker only as a short name ("schrieb „Die Zeit“").
pub(super) fn is_speaker_in(para: &Para, np: &Np) -> bool {
    if !sureness::can_speak(para, np) {
        return false;
    }
    match np.kind {
        NpKind::QuotedName(q) => is_quoted_name(para, q),
        _ => true,
    }
}

/// Whether quote `q` holds a short name ("„Die Zeit“", "„Reuters“"), not words someone
/// said.
pub(super) fn is_quoted_name(para: &Para, q: usize) -> bool {
    is_short_name(para, q)
        && para.quotes[q]
            .inner(para.text)
            .trim()
            .starts_with(char::is_uppercase)
}

/// Whether quote `q` is at most three words with no sentence mark at its end, as a
/// name in any case is ("„con energy“").
fn is_short_name(para: &Para, q: usize) -> bool {
    let inner = para.quotes[q].inner(para.text).trim();
    at_most_words(inner, 3) && !inner.ends_with(['.', '!', '?', ','])
}

/// Whether token `t` is a short quoted name after "von" ("die Mitteilung von
/// „nordwind“"): part of a phrase, not words said.
pub(super) fn is_name_after_von(para: &Para, t: usize) -> bool {
    t > 0
        && para.is_word(t - 1)
        && matches!(para.lower(t - 1).as_ref(), "von" | "vom")
        && matches!(para.tokens[t].kind, Kind::Quote(q) if is_short_name(para, q))
}

/// "laut X", "so X", "X zufolge", "nach Angaben X", "Seiner Ansicht nach", "Sein
/// Fazit:", "Zitat von X:" at token `k`.
pub(super) fn according(
    para: &Para,
    start: usize,
    k: usize,
    anchor: usize,
    colon: bool,
) -> Option<Attribution> {
    // most words are none of the cues below: rule them out with one bit each
    let cue_word = para.is_capitalized(k)
        || para.is(k, "according_to")
        || matches!(para.lower(k).as_ref(), "für" | "zufolge");
    if !cue_word {
        return None;
    }
    let w = words();
    let lower = para.lower(k);
    let cue = para.str(k);
    if para.is(k, "according_to") {
        let speaker = according_to(para, k, anchor)?;
        return Some(Attribution::new(
            cue,
            VerbClass::Speech,
            Some(speaker),
            colon,
        ));
    }
    // "Für den Theologen Hans Küng sei der Rücktritt „…“", "und für Kircher war er „…“",
    // "war für die Verbände „…“": an opinion attributed with "für" opening its clause or
    // next to "sein"
    if lower == "für" && fur_may_name_view(para, start, k) {
        let after_copula = k > start && is_copula(para, k - 1);
        let speaker = np::at(para, k + 1, anchor).filter(|np| {
            let next_to_copula = after_copula || is_copula(para, np.range.end);
            let body = matches!(np.kind, NpKind::Body) && next_to_copula;
            let person = matches!(np.kind, NpKind::Person { .. } | NpKind::RoleRef { .. })
                && (k == start || next_to_copula);
            strength(para, np) == Strength::Strong && (person || body)
        })?;
        return Some(Attribution::new(
            cue,
            VerbClass::Opinion,
            Some(speaker),
            false,
        ));
    }
    // "Nach dem Artikel 65 des Grundgesetzes bestimmt …", "Nach einem Bericht der
    // „Zeit“ sei …": a text opening the sentence is its source
    if lower == "nach"
        && k == start
        && let Some(text) = np::at(para, k + 1, anchor).filter(|np| {
            matches!(np.kind, NpKind::Body)
                && np.core.start > np.range.start
                && w.is_written_text(&para.lower(np.head))
        })
    {
        let speaker = speaking(para, text)?;
        return Some(Attribution::new(
            cue,
            VerbClass::Speech,
            Some(speaker),
            false,
        ));
    }
    if lower == "zufolge" {
        let speaker = (k.saturating_sub(8).max(start)..k)
            .find_map(|s| np::at(para, s, k).filter(|np| np.range.end == k))
            .and_then(|np| speaking(para, np))?;
        return Some(Attribution::new(
            cue,
            VerbClass::Speech,
            Some(speaker),
            false,
        ));
    }
    // the cheap tests first: this runs for every capitalised word of every sentence
    let next = para.is_word(k + 1).then(|| para.lower(k + 1));
    let genitive = next
        .as_deref()
        .is_some_and(|n| matches!(n, "des" | "der" | "von" | "vom" | "eines" | "einer"));
    // "in ihrer Rede", "während einer Rede der Abgeordneten": a speech noun inside a
    // phrase with a preposition sets the scene, it does not name the speaker
    let opener = |at: usize| {
        at > start && para.is(at - 1, "preposition") && !para.is(at - 1, "according_after")
    };
    let possessive = k > start && para.is(k - 1, "possessive") && !opener(k - 1);
    if (k > start && para.is(k - 1, "determiner") && opener(k - 1)) || opener(k) {
        if genitive && para.is_capitalized(k) && w.is_speech_noun(&lower) {
            return said_in_clause(para, k, anchor);
        }
        return w
            .is_conclusion(&lower)
            .then(|| concluded(para, start, k))
            .flatten();
    }
    // "X ist der Meinung, dass …"
    let copula = k >= start + 2
        && para.is_word(k - 1)
        && para.lower(k - 1) == "der"
        && para.is_word(k - 2)
        && matches!(para.lower(k - 2).as_ref(), "ist" | "sind" | "war" | "waren");
    let introduces = genitive
        || possessive
        || copula
        || para.is_punct(k + 1, ':')
        || next.as_deref() == Some("nach");
    if !introduces || !para.is_capitalized(k) || !w.is_speech_noun(&lower) {
        return None;
    }
    if copula {
        let speaker = verb_speaker(para, start, k - 2, anchor);
        return Some(Attribution::new(cue, VerbClass::Opinion, speaker, false));
    }
    // "Seiner Ansicht nach", "Sein Fazit": a possessive before the noun
    if possessive {
        let speaker = np::at(para, k - 1, anchor);
        return Some(Attribution::new(cue, VerbClass::Speech, speaker, colon));
    }
    // "nach Angaben des Ministeriums", "Das Fazit von Sandra Boser", "Zitat von X:"
    if genitive {
        let from = if matches!(next.as_deref(), Some("von" | "vom")) {
            k + 2
        } else {
            k + 1
        };
        let speaker = np::at(para, from, anchor).and_then(|np| speaking(para, np))?;
        return Some(Attribution::new(
            cue,
            VerbClass::Speech,
            Some(speaker),
            colon,
        ));
    }
    None
}

/// "Auf den Vorwurf der CDU, es handele sich um einen „…“": the reported clause after a
/// speech noun and its genitive is what the genitive said, though the noun sets the scene.
fn said_in_clause(para: &Para, k: usize, anchor: usize) -> Option<Attribution> {
    let np = np::at(para, k + 1, anchor)?;
    let comma = np.range.end;
    if !para.is_punct(comma, ',') || !matches!(np.kind, NpKind::Person { .. } | NpKind::Body) {
        return None;
    }
    let reported = (comma + 1..anchor)
        .any(|t| para.is_word(t) && (is_subjunctive(para, t) || para.lower(t) == "dass"));
    let speaker = speaking(para, np).filter(|_| reported)?;
    Some(Attribution::new(
        para.str(k),
        VerbClass::Speech,
        Some(speaker),
        false,
    ))
}

/// "Das Gericht kam damit zu dem Ergebnis, „dass …“": who reached the conclusion said
/// what follows the comma.
fn concluded(para: &Para, start: usize, k: usize) -> Option<Attribution> {
    let zu = match para.lower(k - 1).as_ref() {
        "zum" => k - 1,
        _ if k >= start + 2 && para.is(k - 1, "determiner") && para.lower(k - 2) == "zu" => k - 2,
        _ => return None,
    };
    if !para.is_punct(k + 1, ',') {
        return None;
    }
    // the verb before "zu", past adverbs ("kam damit zu")
    let verb = (start..zu)
        .rev()
        .find(|&t| !(para.is_word(t) && (para.is(t, "adverb") || para.is_capitalized(t))))?;
    let not_verb = Words::mask(&["preposition", "determiner", "function", "pronoun"]);
    let plain = para.is_word(verb) && para.classes(verb) & not_verb == 0;
    if !plain {
        return None;
    }
    let speaker = subject(para, start, verb).or_else(|| speaker_after(para, verb + 1, zu))?;
    Some(Attribution::new(
        para.str(k),
        VerbClass::Opinion,
        Some(speaker),
        false,
    ))
}

/// A form of "sein" at token `t` ("ist", "war", "sei", …).
fn is_copula(para: &Para, t: usize) -> bool {
    para.is_word(t)
        && matches!(
            para.lower(t).as_ref(),
            "ist" | "war" | "sei" | "wäre" | "sind" | "waren" | "seien"
        )
}

/// Whether "für" at `k` may name whose view follows: opening its clause ("Für X sei …",
/// "und für X war …") or after a form of "sein" ("war für die Verbände …"). After a
/// comma it may open reported speech instead ("erklärte, für den Kanzler sei …").
fn fur_may_name_view(para: &Para, start: usize, k: usize) -> bool {
    k == start
        || (k > start
            && para.is_word(k - 1)
            && (matches!(para.lower(k - 1).as_ref(), "und" | "aber") || is_copula(para, k - 1)))
}

/// Whether token `k` may be where `attribution::before` finds a cue short of a colon: a speech
/// verb, "wonach", or a word [`according`] starts from ("laut", "zufolge", "für" opening
/// a clause or after "ist", "Nach" opening the sentence, a capitalised speech or
/// conclusion noun). Each test is one the cue itself needs, so a sentence with no such
/// word has no cue.
pub(super) fn may_be_cue(para: &Para, start: usize, k: usize) -> bool {
    let Some(token) = para.tokens.get(k).filter(|t| t.kind == Kind::Word) else {
        return false;
    };
    if !para.verb(k).is_empty() || para.is(k, "according_to") {
        return true;
    }
    // this runs for every word of a sentence with no cue: most lowercase words are told
    // by their length (each word below is as long in bytes as any spelling of it, so
    // as its lowercase is)
    if !para.is_capitalized(k) && !matches!(token.end - token.start, 4 | 6 | 7) {
        return false;
    }
    let lower = para.lower(k);
    let w = words();
    match lower.as_ref() {
        "wonach" | "zufolge" => true,
        "nach" => k == start,
        "für" => fur_may_name_view(para, start, k),
        word => para.is_capitalized(k) && (w.is_speech_noun(word) || w.is_conclusion(word)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `may_be_cue` as it was before lowercase words were told by their length.
    fn by_lowercase(para: &Para, start: usize, k: usize) -> bool {
        if !para.is_word(k) {
            return false;
        }
        if !para.verb(k).is_empty() || para.is(k, "according_to") {
            return true;
        }
        let w = words();
        match para.lower(k).as_ref() {
            "wonach" | "zufolge" => true,
            "nach" => k == start,
            "für" => fur_may_name_view(para, start, k),
            word => para.is_capitalized(k) && (w.is_speech_noun(word) || w.is_conclusion(word)),
        }
    }

    #[test]
    fn cue_words_are_told_by_length_as_by_their_lowercase() {
        let texts = [
            "nach Angaben der Polizei ist es ruhig, und für ihn war das klar.",
            "Ihm zufolge sei es vorbei, wonach sich alle richten, meint Koch.",
            "fÜr Kritiker WONACH zuFOLGE nAch Ende, İnach ẞfür Erklärung sagte er.",
            "Sein Fazit: Das Ergebnis der Studie fällt gut aus, laut Bericht.",
        ];
        for text in texts {
            let para = Para::new(text, false);
            for sentence in &para.sentences {
                for k in sentence.clone() {
                    let (got, want) = (
                        may_be_cue(&para, sentence.start, k),
                        by_lowercase(&para, sentence.start, k),
                    );
                    assert_eq!(got, want, "{text}: {}", para.str(k));
                }
            }
        }
    }
}
