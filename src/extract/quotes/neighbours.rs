//! A quote's speaker from the sentences around it: the quote it is joined to ("als „…“
//! und „…“"), the sentence after it that claims it ("„…“ Das sagte X."), and the person
//! the sentence before was about.

use super::attribution;
use super::np::{self, NpKind};
use super::reader::Reader;
use super::subject::skip_leading;
use super::sureness::{Strength, strength};
use super::text::Para;

/// Conjunctions that open a clause whose subject is not what the sentence is about.
pub(super) const SUBORDINATING: &[&str] = &[
    "als", "wenn", "weil", "nachdem", "während", "da", "dass", "ob", "obwohl", "bevor", "sobald",
    "wie",
];

impl Reader<'_> {
    /// "„…“ Das sagte die Ministerin am Montag.": a quote that is a sentence of its own,
    /// claimed by the next sentence, which opens with "Das", "Dies" or "So" and a speech verb.
    pub(super) fn claimed_by_next_sentence(&mut self, para: &Para, q: usize) -> Option<usize> {
        let own = para.sentence_of(q);
        let alone = own.start == q && (own.end == q + 1 || para.is_punct(q + 1, '.'));
        if !alone || own.end > q + 2 {
            return None;
        }
        let next = para.sentence_of(own.end);
        let opening = para.is_word(next.start).then(|| para.lower(next.start));
        // "„…“ Diese oft Michail Gorbatschow zugeschriebene Weisheit …": words someone
        // is credited with
        if let Some("das" | "dies" | "diese" | "dieser" | "dieses") = opening.as_deref()
            && let Some(credited) = (next.clone())
                .find(|&t| para.is_word(t) && para.lower(t).starts_with("zugeschrieben"))
        {
            let person = (next.start..credited).find_map(|s| {
                np::at(para, s, credited).filter(|np| {
                    np.range.end == credited
                        && matches!(np.kind, NpKind::Person { .. })
                        && strength(para, np) == Strength::Strong
                })
            })?;
            return self.resolve(para, &person);
        }
        if !matches!(opening.as_deref(), Some("das" | "dies" | "so")) {
            return None;
        }
        let attr = attribution::of_sentence(para, next)?;
        self.resolve(para, attr.speaker.as_ref()?)
    }

    /// The speaker (perhaps unknown) of the quote that `q` is joined to by "und", "oder"
    /// or a comma in a list, when that quote was taken as speech.
    pub(super) fn paired_with(&self, para: &Para, q: usize) -> Option<Option<usize>> {
        let (at, earlier, speaker) = self.last_speech?;
        let joined = q == earlier + 2
            && (para.is_punct(q - 1, ',')
                || (para.is_word(q - 1)
                    && matches!(
                        para.lower(q - 1).as_ref(),
                        "und" | "oder" | "sowie" | "bzw" | "beziehungsweise" | "and" | "or"
                    )));
        (at.sentence == self.clock.sentence && joined).then_some(speaker)
    }

    /// The person noted as the subject of sentence number `sentence`, if any.
    pub(super) fn subject_of(&self, sentence: usize) -> Option<usize> {
        self.subject
            .filter(|&(_, at)| at.sentence == sentence)
            .map(|(id, _)| id)
    }

    /// Remembers the person that opens `sentence` as its subject, when one does
    /// ("Sadiq Khan, einer der Abgeordneten, verurteilte …").
    pub(super) fn note_subject(&mut self, para: &Para, sentence: std::ops::Range<usize>) {
        // "Als Jeff Zeleny ihn ansprach, reagierte er unwirsch": the subject of a clause
        // that opens with a conjunction is not what the sentence is about
        let subordinate = para.is_word(sentence.start)
            && SUBORDINATING.contains(&para.lower(sentence.start).as_ref());
        if subordinate {
            return;
        }
        let opening = skip_leading(para, sentence.start, sentence.end);
        let np = np::at(para, opening, sentence.end).filter(|np| {
            matches!(np.kind, NpKind::Person { .. } | NpKind::RoleRef { .. })
                && strength(para, np) == Strength::Strong
                && (para.is_punct(np.range.end, ',')
                    || (para.is_word(np.range.end) && !para.is_capitalized(np.range.end)))
        });
        if let Some(id) = np.and_then(|np| self.resolve(para, &np)) {
            self.subject = Some((id, self.clock));
        }
    }
}
