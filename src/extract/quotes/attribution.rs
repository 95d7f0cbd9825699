//! Who a quote is attributed to, from its own sentence: the speech cue ("sagt", "so",
//! "laut", "zufolge", "heißt es", "Sein Fazit:", a colon) and the speaker phrase it
//! points to, before or after the quote.

use std::ops::Range;

use super::lexicon::{VerbClass, words};
use super::np::{self, Np, NpKind, Strength, strength};
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

impl Attribution {
    fn new(cue: impl Into<String>, class: VerbClass, speaker: Option<Np>, tight: bool) -> Self {
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
    let found = after(para, q, sentence.end);
    let Some(mut found) = found else {
        return before(para, sentence.start, q)
            .or_else(|| clause_after(para, sentence.start, q, sentence.end))
            .or_else(|| later(para, q, sentence.end));
    };
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

/// An attribution in a sentence with no quote of its own ("…, meint Richter."), which
/// later quotes may continue.
pub fn of_sentence(para: &Para, sentence: Range<usize>) -> Option<Attribution> {
    before(para, sentence.start, sentence.end).filter(|a| a.speaker.is_some())
}

/// The verb at token `k` when it is a speech verb whose particle (if it needs one)
/// stands in the same clause: its class and the cue text ("fügte hinzu").
fn verb_at(para: &Para, k: usize, _limit: usize) -> Option<(VerbClass, String)> {
    if !para.is_word(k) || (para.is_capitalized(k) && para.sentence_of(k).start != k) {
        return None;
    }
    let form = para.lower(k);
    let readings = words().verb(&form);
    if readings.is_empty() {
        return None;
    }
    let sentence = para.sentence_of(k);
    let clause_end = (k + 1..sentence.end)
        .find(|&t| matches!(para.tokens[t].kind, Kind::Punct(',' | ';' | ':' | '.')))
        .unwrap_or(sentence.end);
    let clause_start = (sentence.start..k)
        .rev()
        .find(|&t| matches!(para.tokens[t].kind, Kind::Punct(',' | ';' | ':')))
        .map_or(sentence.start, |t| t + 1);
    for reading in readings {
        let Some(particle) = reading.particle else {
            return Some((reading.class, para.str(k).to_string()));
        };
        let parts: Vec<&str> = particle.split_whitespace().collect();
        let found = (k + 1..clause_end).chain(clause_start..k).any(|t| {
            parts
                .iter()
                .enumerate()
                .all(|(n, p)| para.is_word(t + n) && para.lower(t + n) == *p)
        });
        if found {
            return Some((reading.class, format!("{} {particle}", para.str(k))));
        }
    }
    None
}

/// `„…“, sagte X`, `„…“, so X`, `„…“, so urteilte X`, `„…“, wie X sagte`,
/// `„…“, X sagte`, `„…“, heißt es aus X`, and a fronted quote: `Von „…“ sprach X`.
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
        if !comma && speaker.is_none() {
            return None;
        }
        return Some(Attribution::new(cue, class, speaker, true));
    }
    if !comma {
        return None;
    }
    if lower == "so" {
        if let Some((class, cue)) = verb_at(para, j + 1, end) {
            let speaker = speaker_after(para, j + 2, end);
            return Some(Attribution::new(format!("so {cue}"), class, speaker, true));
        }
    }
    if words().is("according_to", &lower) {
        let speaker = np::at(para, j + 1, end).filter(|np| is_speaker_in(para, np))?;
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
    let speaker = np::at(para, start, end).filter(|np| is_speaker_in(para, np))?;
    let verb = skip_fillers(para, speaker.range.end, end);
    // "„Uncle Ted“, wie der Senator genannt wurde": a name, not words
    if para.is_word(verb) && words().is("term_marker", &para.lower(verb)) {
        return None;
    }
    let (class, cue) = verb_at(para, verb, end)?;
    Some(Attribution::new(cue, class, Some(speaker), true))
}

/// A verb at the end of the quote's clause: "als „falsch“ zurückgewiesen", "als „…“
/// bezeichnet hat", "von einer „…“ gesprochen".
fn clause_after(para: &Para, start: usize, q: usize, end: usize) -> Option<Attribution> {
    let mut t = q + 1;
    while t < end && t <= q + 12 {
        match para.tokens[t].kind {
            Kind::Punct(_) => break,
            Kind::Quote(_) => {}
            // "… „Menschlichkeit“ und bezeichnet eine Philosophie": the next clause
            Kind::Word if matches!(para.lower(t).as_ref(), "und" | "oder" | "aber" | "sondern") => {
                break;
            }
            Kind::Word => {
                if let Some((class, cue)) = verb_at(para, t, end) {
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
fn later(para: &Para, q: usize, end: usize) -> Option<Attribution> {
    let comma = (q + 1..end).find(|&t| para.is_punct(t, ','))?;
    if (q + 1..comma).any(|t| matches!(para.tokens[t].kind, Kind::Quote(_))) {
        return None;
    }
    // only a clause that reports what came before: "wie X berichtete", "so X", ", sagte X"
    let next = para.is_word(comma + 1).then(|| para.lower(comma + 1));
    let reports = match next.as_deref() {
        Some("wie" | "so" | "as") => true,
        Some(word) => verb_at(para, comma + 1, end).is_some() && !matches!(word, "heißt" | "hieß"),
        None => false,
    };
    if !reports {
        return None;
    }
    let mut found = after(para, comma - 1, end)?;
    found.speaker.as_ref()?;
    found.tight = false;
    Some(found)
}

/// "heißt es (aus dem Außenministerium)", "Aus Paris hieß es", "heißt es in der
/// Mitteilung": the source named with a preposition, if any.
fn impersonal(para: &Para, j: usize, end: usize, cue: String) -> Attribution {
    const SOURCE: &[&str] = &[
        "aus", "von", "vom", "bei", "beim", "seitens", "in", "im", "auf",
    ];
    let sentence = para.sentence_of(j);
    let find = |range: Range<usize>| {
        range.take_while(|&t| para.is_word(t)).find_map(|t| {
            let lower = para.lower(t);
            SOURCE
                .contains(&lower.as_ref())
                .then(|| np::at(para, t + 1, end))
                .flatten()
        })
    };
    let speaker = find(j + 1..end.min(j + 8)).or_else(|| find(sentence.start..j));
    let speaker =
        speaker.filter(|np| is_speaker_in(para, np) && !matches!(np.kind, NpKind::Pronoun { .. }));
    Attribution::new(cue, VerbClass::Speech, speaker, true)
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

/// Scans back from `anchor` for a cue: a speech verb with its speaker, "laut X",
/// "X zufolge", "nach Angaben X", "Sein Fazit:", "heißt es"; then a colon after a
/// speaker ("BKA-Präsident Ziercke: „…“").
fn before(para: &Para, start: usize, anchor: usize) -> Option<Attribution> {
    let colon = anchor > start && para.is_punct(anchor - 1, ':');
    for k in (start..anchor).rev() {
        if let Kind::Quote(_) = para.tokens[k].kind {
            break;
        }
        if !para.is_word(k) {
            continue;
        }
        let lower = para.lower(k);
        if let Some((class, cue)) = verb_at(para, k, anchor) {
            if matches!(lower.as_ref(), "heißt" | "hieß") {
                return Some(impersonal(para, k, anchor, cue));
            }
            let speaker = verb_speaker(para, start, k, anchor);
            return Some(Attribution::new(
                cue,
                class,
                speaker,
                colon || class == VerbClass::Label,
            ));
        }
        if let Some(found) = according(para, start, k, anchor, colon) {
            return Some(found);
        }
    }
    if colon {
        let speaker = first_strong(para, start, anchor - 1)?;
        return Some(Attribution::new(
            ":",
            VerbClass::Speech,
            Some(speaker),
            true,
        ));
    }
    None
}

/// "laut X", "so X", "X zufolge", "nach Angaben X", "Seiner Ansicht nach", "Sein
/// Fazit:", "Zitat von X:" at token `k`.
fn according(
    para: &Para,
    start: usize,
    k: usize,
    anchor: usize,
    colon: bool,
) -> Option<Attribution> {
    let w = words();
    let lower = para.lower(k);
    let cue = para.str(k);
    if w.is("according_to", &lower) {
        let speaker = np::at(para, k + 1, anchor).filter(|np| is_speaker_in(para, np))?;
        return Some(Attribution::new(
            cue,
            VerbClass::Speech,
            Some(speaker),
            colon,
        ));
    }
    // "Für den Theologen Hans Küng sei der Rücktritt „…“": an opinion attributed with "für"
    if lower == "für" && k == start {
        let speaker = np::at(para, k + 1, anchor).filter(|np| {
            strength(para, np) == Strength::Strong
                && matches!(np.kind, NpKind::Person { .. } | NpKind::RoleRef { .. })
        })?;
        return Some(Attribution::new(
            cue,
            VerbClass::Opinion,
            Some(speaker),
            false,
        ));
    }
    if lower == "zufolge" {
        let speaker = (k.saturating_sub(8).max(start)..k)
            .find_map(|s| np::at(para, s, k).filter(|np| np.range.end == k))?;
        return Some(Attribution::new(
            cue,
            VerbClass::Speech,
            Some(speaker),
            false,
        ));
    }
    if !para.is_capitalized(k) || !w.is_speech_noun(&lower) {
        return None;
    }
    // "Seiner Ansicht nach", "Sein Fazit": a possessive before the noun
    if k > start && para.is_word(k - 1) && w.is("possessive", &para.lower(k - 1)) {
        let speaker = np::at(para, k - 1, anchor);
        return Some(Attribution::new(cue, VerbClass::Speech, speaker, colon));
    }
    // "nach Angaben des Ministeriums", "Das Fazit von Sandra Boser", "Zitat von X:"
    let next = para.is_word(k + 1).then(|| para.lower(k + 1));
    let genitive = next
        .as_deref()
        .is_some_and(|n| matches!(n, "des" | "der" | "von" | "vom" | "eines" | "einer"));
    if genitive {
        let from = if matches!(next.as_deref(), Some("von" | "vom")) {
            k + 2
        } else {
            k + 1
        };
        let speaker = np::at(para, from, anchor).filter(|np| is_speaker_in(para, np))?;
        return Some(Attribution::new(
            cue,
            VerbClass::Speech,
            Some(speaker),
            colon,
        ));
    }
    None
}

/// The speaker of the speech verb at `v`: its subject before it, the phrase after it
/// ("sagte der Minister"), or the one named in a passive ("wird Musk zitiert"), taking
/// the surer of the two when both are there.
fn verb_speaker(para: &Para, start: usize, v: usize, anchor: usize) -> Option<Np> {
    if let Some(np) = passive_agent(para, start, v) {
        return Some(np);
    }
    // "hielt man für „…“": no one in particular
    let next = skip_fillers(para, v + 1, anchor);
    if para.is_word(next) && para.lower(next) == "man" {
        return None;
    }
    let before = subject(para, start, v).or_else(|| coordinated_subject(para, start, v));
    let after = (!is_participle(&para.lower(v)))
        .then(|| speaker_after(para, v + 1, anchor))
        .flatten();
    let rank = |np: &Option<Np>| np.as_ref().map(|np| strength(para, np));
    // a naming verb takes its object right after it ("nannte die Entscheidung „…“")
    let speech = words()
        .verb(&para.lower(v))
        .iter()
        .any(|r| r.class == VerbClass::Speech);
    match (rank(&before), rank(&after)) {
        (Some(Strength::Strong), _) => before,
        (_, Some(Strength::Strong)) => after,
        (Some(_), _) => before,
        _ if speech => after,
        _ => None,
    }
}

/// "Netanyahu begrüßte den Angriff und nannte ihn „…“": the subject of the first verb
/// of the sentence serves the one after "und".
fn coordinated_subject(para: &Para, start: usize, v: usize) -> Option<Np> {
    let joined = v > start
        && para.is_word(v - 1)
        && matches!(para.lower(v - 1).as_ref(), "und" | "aber" | "sondern");
    if !joined {
        return None;
    }
    let np = np::at(para, skip_leading(para, start, v), v)?;
    (strength(para, &np) == Strength::Strong
        && !matches!(np.kind, NpKind::Pronoun { .. } | NpKind::Possessive))
    .then_some(np)
}

/// "wird Musk wie folgt zitiert", "wurde der Minister mit den Worten zitiert".
fn passive_agent(para: &Para, start: usize, v: usize) -> Option<Np> {
    if !is_participle(&para.lower(v)) && !para.lower(v).ends_with("iert") {
        return None;
    }
    let aux = (start..v)
        .rev()
        .take_while(|&t| para.is_word(t))
        .find(|&t| {
            matches!(
                para.lower(t).as_ref(),
                "wird" | "wurde" | "werden" | "wurden"
            )
        })?;
    let np = np::at(para, skip_fillers(para, aux + 1, v), v)?;
    matches!(
        np.kind,
        NpKind::Person { .. } | NpKind::RoleRef { .. } | NpKind::Pronoun { .. }
    )
    .then_some(np)
}

/// The first phrase before a colon that surely names a speaker.
/// A phrase that is not the object of a preposition ("im Kongress") may still be the
/// speaker when no surer one is there ("Die Bewohner des Dorfes sehen es gelassen:").
fn first_strong(para: &Para, start: usize, colon: usize) -> Option<Np> {
    let mut t = start;
    let mut fallback = None;
    while t < colon {
        match np::at(para, t, colon) {
            Some(np) if strength(para, &np) == Strength::Strong => return Some(np),
            Some(np) => {
                let in_phrase = t > start
                    && para.is_word(t - 1)
                    && words().is("preposition", &para.lower(t - 1));
                let medium = strength(para, &np) == Strength::Medium;
                if fallback.is_none()
                    && medium
                    && !in_phrase
                    && !matches!(np.kind, NpKind::QuotedName(_))
                {
                    fallback = Some(np.clone());
                }
                t = np.range.end.max(t + 1);
            }
            None => t += 1,
        }
    }
    fallback
}

/// "gesagt", "hinzugefügt", "mitgeteilt": a participle has no speaker after it.
fn is_participle(form: &str) -> bool {
    let ge = form
        .find("ge")
        .is_some_and(|at| at <= 5 && form.len() > at + 4);
    ge && (form.ends_with('t') || form.ends_with("en")) && !form.starts_with("geht")
}

/// The subject before the verb at `v`: a phrase that starts at the sentence start (after
/// leading adverbs), or after a comma, and reaches the verb past adverbs, phrases with a
/// preposition, or a relative clause.
fn subject(para: &Para, start: usize, v: usize) -> Option<Np> {
    let mut starts: Vec<usize> = (start..v)
        .filter(|&t| {
            t > start
                && matches!(
                    para.tokens[t - 1].kind,
                    Kind::Punct(',' | ':' | '–' | '(') | Kind::Quote(_)
                )
        })
        .collect();
    starts.push(skip_leading(para, start, v));
    starts.sort_unstable_by(|a, b| b.cmp(a));
    starts.dedup();
    starts.into_iter().find_map(|s| {
        let np = np::at(para, s, v)?;
        let fronted = s > start
            && matches!(para.lower(s - 1).as_ref(), "als" | "wie")
            && strength(para, &np) < Strength::Strong;
        (!fronted && reaches(para, np.range.end, v) && is_speaker_in(para, &np)).then_some(np)
    })
}

/// Whether only adverbs, phrases with a preposition, a relative clause or a few other
/// words stand between a subject ending at `from` and its verb at `v`.
fn reaches(para: &Para, from: usize, v: usize) -> bool {
    let mut t = from;
    // ", der als Kritiker des Papstes gilt,", ", Ordnungsdezernent der Stadt,": a
    // relative clause or an apposition between commas
    if para.is_punct(t, ',') {
        if let Some(close) = (t + 1..v).find(|&c| para.is_punct(c, ',')) {
            let relative = para.is_word(t + 1) && words().is("relative", &para.lower(t + 1));
            if relative || close + 1 == v {
                t = close + 1;
            }
        }
    }
    if t > v {
        return false;
    }
    // a verb at the end of its clause: "hatte den Bericht als „falsch“ zurückgewiesen"
    let clause_final =
        v + 1 >= para.tokens.len() || matches!(para.tokens[v + 1].kind, Kind::Punct(_));
    let plain = |k: usize| {
        matches!(para.tokens[k].kind, Kind::Word | Kind::Quote(_)) && verb_at(para, k, v).is_none()
    };
    t == v
        || skip_fillers(para, t, v) == v
        || (v - t <= 8 && (t..v).all(|k| para.is_word(k) && verb_at(para, k, v).is_none()))
        || (clause_final && v - t <= 16 && (t..v).all(plain))
}

/// The first token after leading adverbs and conjunctions ("Auch", "Weiter", "Wie").
fn skip_leading(para: &Para, start: usize, limit: usize) -> usize {
    let w = words();
    let mut t = start;
    while t < limit && para.is_word(t) {
        let lower = para.lower(t);
        let leading = w.is("adverb", &lower)
            || w.is("connective", &lower)
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
fn skip_fillers(para: &Para, from: usize, limit: usize) -> usize {
    let w = words();
    let mut t = from;
    while t < limit && para.is_word(t) && !para.is_capitalized(t) && t <= from + 12 {
        let lower = para.lower(t);
        if w.is("adverb", &lower) {
            t += 1;
        } else if w.is("preposition", &lower) {
            t = past_phrase(para, t + 1, limit);
        } else {
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
