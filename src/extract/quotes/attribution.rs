//! Who a quote is attributed to, from its own sentence: the speech cue ("sagt", "so",
//! "laut", "zufolge", "heißt es", "Sein Fazit:", a colon) and the speaker phrase it
//! points to, before or after the quote.

use std::ops::Range;

use super::following::{after, clause_after, later};
use super::lexicon::VerbClass;
use super::np::{self, Np, NpKind};
use super::source::{according, is_name_after_von, is_quoted_name, may_be_cue};
use super::subject::{first_strong, verb_speaker};
use super::sureness::{Strength, strength};
use super::text::{Kind, Para, ends_like_sentence};
use super::texts::{held_by_text, impersonal, is_impersonal_at};

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

impl Attribution {
    pub(super) fn new(
        cue: impl Into<String>,
        class: VerbClass,
        speaker: Option<Np>,
        tight: bool,
    ) -> Self {
        Attribution {
            cue: cue.into(),
            class,
            speaker,
            tight,
        }
    }
}

/// The attribution of the quote at token `q`, looked for right after it, then before it
/// in its sentence, then after the next comma.
pub fn of_quote(para: &Para, q: usize) -> Option<Attribution> {
    let sentence = para.sentence_of(q);
    if let Some(main) = colon_after_reporting_clause(para, sentence.clone(), q) {
        return Some(main);
    }
    let found = own_cue(para, q, sentence.clone());
    // "Wie der Minister erklärte, sieht die Regierung darin „…“": the source named up
    // front speaks for the sentence unless the quote's own clause names someone saying it
    let weak = found
        .as_ref()
        .is_none_or(|a| a.speaker.is_none() || a.class == VerbClass::Opinion);
    if weak && let Some(source) = introduced(para, sentence, q) {
        return Some(source);
    }
    found
}

/// "Wie CBS berichtet, gab Sprecher Robert Gibbs eine Stellungnahme ab, die aus einem
/// Wort bestand: „…“": the person the main clause names before the colon speaks; the
/// source named up front only reports it.
fn colon_after_reporting_clause(
    para: &Para,
    sentence: Range<usize>,
    q: usize,
) -> Option<Attribution> {
    if q <= sentence.start || !para.is_punct(q - 1, ':') {
        return None;
    }
    let comma = reporting_clause_end(para, &sentence, q)?;
    let np = first_strong(para, comma + 1, q - 1)
        .filter(|np| matches!(np.kind, NpKind::Person { .. }))?;
    Some(Attribution::new(":", VerbClass::Speech, Some(np), true))
}

/// The comma that closes a "Wie X sagte," clause opening the sentence, before the quote
/// at `q`.
fn reporting_clause_end(para: &Para, sentence: &Range<usize>, q: usize) -> Option<usize> {
    if !para.is_word(sentence.start) || para.lower(sentence.start) != "wie" {
        return None;
    }
    (sentence.start + 1..q).find(|&t| para.is_punct(t, ','))
}

/// "Wie X sagte, …" opening the sentence of the quote at `q`: X and the verb.
fn introduced(para: &Para, sentence: Range<usize>, q: usize) -> Option<Attribution> {
    let comma = reporting_clause_end(para, &sentence, q)?;
    let (verb, (class, cue)) = (sentence.start + 1..comma)
        .rev()
        .find_map(|k| verb_at(para, k, comma).map(|found| (k, found)))?;
    let speaker = verb_speaker(para, sentence.start, verb, comma)?;
    Some(Attribution::new(cue, class, Some(speaker), false))
}

/// The cue of the quote's own sentence: after it, before it, at the end of its clause.
fn own_cue(para: &Para, q: usize, sentence: Range<usize>) -> Option<Attribution> {
    let found = after(para, q, sentence.end);
    let Some(mut found) = found else {
        return before(para, sentence.start, q)
            .or_else(|| clause_after(para, sentence.start, q, sentence.end))
            .or_else(|| later(para, q, sentence.end));
    };
    // "Klose nannte seinen Platzverweis „überzogen“, Löw bezeichnete …": a naming verb
    // in the quote's own clause holds it, not the next clause
    let own_clause = (sentence.start..q)
        .rev()
        .take_while(|&t| !matches!(para.tokens[t].kind, Kind::Punct(',' | ':' | ';')))
        .any(|t| para.verb(t).iter().any(|r| r.class == VerbClass::Label));
    if own_clause
        && para.is_punct(q + 1, ',')
        && let Some(earlier) = before(para, sentence.start, q).filter(|b| b.speaker.is_some())
    {
        return Some(earlier);
    }
    // "Während Shakira erklärte, …, „…“, räumte Lopez ein": a quote inside a clause
    // that opens the sentence belongs to that clause's speaker
    if closes_opening_clause(para, q, sentence.start)
        && let Some(earlier) = before(para, sentence.start, q).filter(|b| {
            b.class == VerbClass::Speech
                && b.speaker
                    .as_ref()
                    .is_some_and(|np| matches!(np.kind, NpKind::Person { .. }))
        })
    {
        return Some(earlier);
    }
    if found.speaker.is_none() && !found.cue.starts_with('h') {
        // "„…“, gab jedoch … an": a verb after the quote with no speaker of its own
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

/// Whether the quote at `q` ends a clause that opens its sentence with a conjunction,
/// the main clause's verb right after it ("Während X erklärte, „…“, räumte Y ein").
fn closes_opening_clause(para: &Para, q: usize, start: usize) -> bool {
    para.is_word(start)
        && matches!(
            para.lower(start).as_ref(),
            "während" | "als" | "nachdem" | "weil" | "obwohl" | "wenn"
        )
        && para.is_punct(q + 1, ',')
        && para.verb(q + 2).iter().any(|r| r.class != VerbClass::Label)
}

/// The speaker of the main clause after the last quote of a sentence, when that quote
/// closed an opening clause and so went to someone else: they spoke last.
pub fn main_clause_after(para: &Para, q: usize, sentence: Range<usize>) -> Option<Attribution> {
    if !closes_opening_clause(para, q, sentence.start) {
        return None;
    }
    after(para, q, sentence.end).filter(|a| a.speaker.is_some())
}

/// An attribution in a sentence with no quote of its own ("…, meint Richter."), which
/// later quotes may continue.
pub fn of_sentence(para: &Para, sentence: Range<usize>) -> Option<Attribution> {
    before(para, sentence.start, sentence.end).filter(|a| a.speaker.is_some())
}

/// The verb at token `k` when it is a speech verb whose particle (if it needs one)
/// stands in the same clause: its class and the cue text ("fügte hinzu").
pub(super) fn verb_at(para: &Para, k: usize, _limit: usize) -> Option<(VerbClass, String)> {
    let readings = para.verb(k);
    if readings.is_empty() || (para.is_capitalized(k) && para.sentence_of(k).start != k) {
        return None;
    }
    for reading in readings {
        let Some(particle) = reading.particle else {
            return Some((reading.class, para.str(k).to_string()));
        };
        if has_particle(para, k, particle) {
            return Some((reading.class, format!("{} {particle}", para.str(k))));
        }
    }
    None
}

/// Whether the particle of a separable verb at `k` ("hinzu", "Stellung") stands in the
/// verb's clause, or closes the sentence past an apposition ("nahm der
/// Ministerpräsident, Christian Wulff (CDU), zu der Frage Stellung.").
fn has_particle(para: &Para, k: usize, particle: &str) -> bool {
    let sentence = para.sentence_of(k);
    let clause_end = (k + 1..sentence.end)
        .find(|&t| matches!(para.tokens[t].kind, Kind::Punct(',' | ';' | ':' | '.')))
        .unwrap_or(sentence.end);
    let clause_start = (sentence.start..k)
        .rev()
        .find(|&t| matches!(para.tokens[t].kind, Kind::Punct(',' | ';' | ':')))
        .map_or(sentence.start, |t| t + 1);
    let parts: Vec<&str> = particle.split_whitespace().collect();
    let particle_at = |t: usize| {
        (parts.iter().enumerate()).all(|(n, p)| para.is_word(t + n) && para.lower(t + n) == *p)
    };
    if (k + 1..clause_end).chain(clause_start..k).any(particle_at) {
        return true;
    }
    let last = sentence.end.saturating_sub(parts.len() + 1);
    last > clause_end
        && last < k + 25
        && para.is_punct(sentence.end - 1, '.')
        && !(k + 1..last).any(|t| matches!(para.tokens[t].kind, Kind::Punct(':' | ';')))
        && particle_at(last)
}

/// Whether the quote at token `q` ends like a sentence.
pub(super) fn sentence_quote(para: &Para, q: usize) -> bool {
    para.quote_inner(q).is_some_and(ends_like_sentence)
}

/// A speech verb with a speaker of its own earlier in the clause that ends at `k`.
fn speech_in_clause_before(
    para: &Para,
    start: usize,
    k: usize,
    anchor: usize,
) -> Option<Attribution> {
    let verb = (start..k)
        .rev()
        .take_while(|&t| para.is_word(t))
        .find(|&t| verb_at(para, t, anchor).is_some())?;
    let (class, cue) = verb_at(para, verb, anchor)?;
    let speaker = verb_speaker(para, start, verb, anchor)?;
    // the source phrase itself is no speaker ("… einigen Teilnehmern zufolge")
    if speaker.range.end > k.saturating_sub(2) {
        return None;
    }
    let colon = anchor > start && para.is_punct(anchor - 1, ':');
    Some(Attribution::new(cue, class, Some(speaker), colon))
}

/// The comma that opens a relative clause closed by the comma at `close`, when the
/// clause holds no quote ("…, der zum Sturm aufgerufen haben soll, …").
fn relative_clause_before(para: &Para, start: usize, close: usize) -> Option<usize> {
    let open = (start..close)
        .rev()
        .take_while(|&t| !matches!(para.tokens[t].kind, Kind::Quote(_)))
        .find(|&t| para.is_punct(t, ','))?;
    // (", dem Direktor der Behörde," is an apposition: an article before its noun)
    let relative = para.is_word(open + 1)
        && para.is(open + 1, "relative")
        && !para.is_capitalized(open + 1)
        && !para.is_capitalized(open + 2)
        && close > open + 2;
    relative.then_some(open)
}

/// Scans back from `anchor` for a cue: a speech verb with its speaker, "laut X",
/// "X zufolge", "nach Angaben X", "Sein Fazit:", "heißt es"; then a colon after a
/// speaker ("BKA-Präsident Ziercke: „…“").
fn before(para: &Para, start: usize, anchor: usize) -> Option<Attribution> {
    let colon = anchor > start && para.is_punct(anchor - 1, ':');
    // "…, so X, Mohammed ElBaradei („…“)": a sentence in brackets right after its
    // speaker, whatever cue stands earlier (a name's translation is no sentence)
    if anchor > start && para.is_punct(anchor - 1, '(') && sentence_quote(para, anchor) {
        let named = (anchor.saturating_sub(8).max(start)..anchor - 1)
            .filter_map(|s| np::at(para, s, anchor - 1))
            .find(|np| {
                // "Jan Koch, die Forscherin Eva Lang („…“)": a list, not an apposition
                np.range.end == anchor - 1
                    && np.apposition.is_none()
                    && matches!(np.kind, NpKind::Person { .. })
            });
        if let Some(np) = named {
            return Some(Attribution::new("(", VerbClass::Speech, Some(np), true));
        }
    }
    // most sentences hold no word any cue below could start from, and short of a colon
    // no word after the last such word can be a cue
    let last_cue = if colon {
        anchor
    } else {
        (start..anchor)
            .rev()
            .find(|&k| may_be_cue(para, start, k))?
    };
    let mut pending: Option<Attribution> = None;
    let mut k = anchor;
    while k > start {
        k -= 1;
        // an earlier quote has its own speaker; a quoted name does not ("Laut „Reuters“
        // ist die Lage „…“")
        if let Kind::Quote(q) = para.tokens[k].kind {
            // ("in der Meldung von „con energy“:": nor a name in a phrase)
            let cited = k > start
                && ((para.is(k - 1, "according_to") && is_quoted_name(para, q))
                    || is_name_after_von(para, k));
            if !cited {
                break;
            }
        }
        // "kritisierte die Haltung Kozulins, der zum Sturm aufgerufen haben soll, als
        // „…“": the verbs of a relative clause are not the quote's
        if para.is_punct(k, ',')
            && let Some(open) = relative_clause_before(para, start, k)
        {
            k = open;
            continue;
        }
        if !para.is_word(k) || k > last_cue {
            continue;
        }
        // "zitiert die Zeitung, wonach Evo Morales den Industrieländern die Schuld gibt,
        // deren „…“": what the clause reports is its subject's view
        if pending.is_none()
            && matches!(para.str(k), "wonach" | "Wonach")
            && let Some(np) = np::at(para, k + 1, anchor).filter(|np| {
                matches!(np.kind, NpKind::Person { .. }) && strength(para, np) == Strength::Strong
            })
        {
            return Some(Attribution::new(
                "wonach",
                VerbClass::Opinion,
                Some(np),
                false,
            ));
        }
        if pending.is_none()
            && let Some((class, cue)) = verb_at(para, k, anchor)
        {
            // "In der Zeitung fand sich die Feststellung „…“": a text holds the words
            if let Some(found) = held_by_text(para, k, anchor, colon) {
                return Some(found);
            }
            if is_impersonal_at(para, k) {
                return Some(impersonal(para, k, anchor, cue));
            }
            let speaker = verb_speaker(para, start, k, anchor);
            let found = Attribution::new(cue, class, speaker, colon || class == VerbClass::Label);
            if found.speaker.is_some() {
                return Some(found);
            }
            // "Für Senator X hält die Behörde das für „…“": a verb with no speaker of its
            // own leaves room for a source named earlier
            pending = Some(found);
            continue;
        }
        // "Im Bericht steht: „…“"
        if pending.is_none()
            && colon
            && let Some(found) = held_by_text(para, k, anchor, colon)
        {
            return Some(found);
        }
        if let Some(found) = according(para, start, k, anchor, colon)
            && (pending.is_none() || found.speaker.is_some())
        {
            // "sagte die Kanzlerin einigen Teilnehmern zufolge:": who passed it on is not
            // who said it
            let passed_on = matches!(para.lower(k).as_ref(), "zufolge" | "laut");
            if passed_on && let Some(said) = speech_in_clause_before(para, start, k, anchor) {
                return Some(said);
            }
            return Some(found);
        }
    }
    if pending.is_some() {
        return pending;
    }
    if colon {
        // "…, und der norwegische Ministerpräsident Jens Stoltenberg: „…“": the last
        // clause of a list names the speaker
        let clause = (start..anchor - 1)
            .rev()
            .find(|&t| para.is_punct(t, ',') || para.is_punct(t, ';'))
            .map_or(start, |t| t + 1);
        let speaker = first_strong(para, clause, anchor - 1)
            .filter(|np| strength(para, np) == Strength::Strong)
            .or_else(|| first_strong(para, start, anchor - 1))?;
        return Some(Attribution::new(
            ":",
            VerbClass::Speech,
            Some(speaker),
            true,
        ));
    }
    None
}
