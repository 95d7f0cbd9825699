//! One article read in order: people are registered as they are introduced, each quote
//! is judged (speech or scare quote) and given its speaker, and a quote with no cue of its
//! own continues the speaker just before it.

use std::borrow::Cow;
use std::collections::HashMap;

use super::attribution::{self, Attribution};
use super::lexicon::VerbClass;
use super::marks;
use super::phrase::is_subjunctive;
use super::shape::{self, Shape};
use super::text::{Kind, Para, at_most_words};
use crate::extract::speakers::registry::{Clock, Registry};
use crate::model::{Article, Quote, Speaker};

/// A quote found, with its speaker as an entity of the registry.
pub(super) struct Found {
    pub(super) speaker: Option<usize>,
    pub(super) cue: Option<String>,
    pub(super) text: String,
    pub(super) section: usize,
    pub(super) paragraph: usize,
    /// Byte offsets into the paragraph.
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The state of reading one article.
pub struct Reader<'a> {
    pub(super) article: &'a Article,
    pub(super) registry: Registry,
    pub(super) clock: Clock,
    /// How often each short quoted string occurs; title and headings count double.
    terms: HashMap<String, usize>,
    pub(super) found: Vec<Found>,
    /// Pieces of a quote that runs on over paragraphs, waiting for its next piece.
    running: Vec<usize>,
    /// The person a sentence opened with as its subject, and when.
    pub(super) subject: Option<(usize, Clock)>,
    /// The quotes of each body paragraph in reading order, found while counting terms.
    body_quotes: Vec<Vec<marks::Span>>,
    /// When, at which token and whose the last quote taken as speech was.
    pub(super) last_speech: Option<(Clock, usize, Option<usize>)>,
}

/// Quotes of at most this many words must be attached to a cue to count as speech.
const SHORT: usize = 3;

impl<'a> Reader<'a> {
    pub fn new(article: &'a Article) -> Self {
        Reader {
            article,
            registry: Registry::default(),
            clock: Clock::default(),
            terms: HashMap::new(),
            found: Vec::new(),
            running: Vec::new(),
            body_quotes: Vec::new(),
            subject: None,
            last_speech: None,
        }
    }

    /// Reads the whole article and returns its quotes and speakers.
    pub fn read(mut self) -> (Vec<Quote>, Vec<Speaker>) {
        let article = self.article;
        self.count_terms();
        // a body whose marks pair into no quote (apostrophes, stray marks) has no quote
        // to attribute, so nothing the heads and paragraphs introduce is ever named
        let runs_on = (article.paragraphs()).any(|(_, p, text)| p > 0 && opens_with_mark(text));
        if !runs_on && self.body_quotes.iter().all(Vec::is_empty) {
            return (Vec::new(), Vec::new());
        }
        let heads = [
            Some(article.title.as_str()),
            article.kicker.as_deref(),
            article.lead.as_deref(),
        ];
        for head in heads.into_iter().flatten() {
            self.scan_only(head);
        }
        let mut ordinal = 0;
        for (s, section) in article.sections.iter().enumerate() {
            if let Some(heading) = &section.heading {
                self.scan_only(heading);
                self.running.clear();
            }
            for (p, text) in section.paragraphs.iter().enumerate() {
                ordinal += 1;
                self.clock.paragraph = ordinal;
                let runs_on = section
                    .paragraphs
                    .get(p + 1)
                    .is_some_and(|next| opens_with_mark(next));
                let found = self.body_quotes.get_mut(ordinal - 1).map(std::mem::take);
                let para = match found {
                    Some(quotes) if !runs_on => Para::with_quotes(text, quotes),
                    _ => Para::new(text, runs_on),
                };
                self.read_paragraph(&para, s, p);
            }
        }
        self.finish()
    }

    fn count_terms(&mut self) {
        let article = self.article;
        let heads = [
            Some(article.title.as_str()),
            article.kicker.as_deref(),
            article.lead.as_deref(),
        ];
        let headings = article.sections.iter().filter_map(|s| s.heading.as_deref());
        let weighted = heads.into_iter().flatten().chain(headings).map(|t| (t, 2));
        let body = article.paragraphs().map(|(_, _, t)| (t, 1));
        for (text, weight) in weighted.chain(body) {
            let spans = marks::find(text, false).0;
            for span in &spans {
                let inner = span.inner(text).trim();
                if at_most_words(inner, SHORT) {
                    *self.terms.entry(inner.to_lowercase()).or_default() += weight;
                }
            }
            if weight == 1 {
                self.body_quotes.push(spans);
            }
        }
    }

    fn is_term(&self, inner: &str) -> bool {
        self.terms
            .get(&inner.trim().to_lowercase())
            .is_some_and(|&n| n >= 3)
    }

    /// Title, lead and headings: people are introduced there, quotes are not counted.
    fn scan_only(&mut self, text: &str) {
        let para = Para::new(text, false);
        for sentence in para.sentences.clone() {
            self.clock.sentence += 1;
            self.scan_mentions(&para, sentence.start, sentence.end);
        }
    }

    fn read_paragraph(&mut self, para: &Para, section: usize, paragraph: usize) {
        let first_token_quote = matches!(para.tokens.first().map(|t| t.kind), Some(Kind::Quote(_)));
        if !first_token_quote {
            self.running.clear();
        }
        for sentence in para.sentences.clone() {
            self.clock.sentence += 1;
            self.scan_mentions(para, sentence.start, sentence.end);
            self.note_subject(para, sentence.clone());
            let quotes: Vec<usize> = sentence
                .clone()
                .filter(|&t| matches!(para.tokens[t].kind, Kind::Quote(_)))
                .collect();
            if quotes.is_empty()
                && let Some(attr) = attribution::of_sentence(para, sentence.clone())
                && let Some(id) = attr.speaker.as_ref().and_then(|np| self.resolve(para, np))
            {
                self.registry.said(id, self.clock);
            }
            for &q in &quotes {
                self.read_quote(para, q, section, paragraph);
            }
            // "Während X erklärte, „…“, räumte Y ein": Y spoke last
            if let Some(&last) = quotes.last()
                && let Some(attr) = attribution::main_clause_after(para, last, sentence.clone())
                && let Some(id) = attr.speaker.as_ref().and_then(|np| self.resolve(para, np))
            {
                self.registry.said(id, self.clock);
            }
        }
    }

    fn read_quote(&mut self, para: &Para, q: usize, section: usize, paragraph: usize) {
        let Kind::Quote(index) = para.tokens[q].kind else {
            return;
        };
        let span = para.quotes[index];
        let inner = span.inner(para.text).trim();
        let shape = shape::of(para, q);
        let attr = attribution::of_quote(para, q);
        let continues_run = q == 0 && !self.running.is_empty();
        let mut speaker = attr.as_ref().and_then(|a| self.speaker_of(para, a));
        let reported = reports_speech(para, q);
        // "als „aggressiv“ und „herausfordernd“": a quote joined to the speech before it
        let paired = self.paired_with(para, q);
        if let Some(earlier) = paired {
            speaker = speaker.or(earlier);
        }
        // "„Ärzte ohne Grenzen“ sowie das Rote Kreuz kündigten an": the quote is the speaker
        let names_itself = attr
            .as_ref()
            .and_then(|a| a.speaker.as_ref())
            .is_some_and(|np| np.core.contains(&q));
        let speech = !names_itself
            && (paired.is_some() || self.is_speech(&shape, attr.as_ref(), inner, reported));
        if !continues_run && !speech {
            // a scare quote in someone's reported words still says who spoke last
            if let Some(id) = speaker.filter(|_| !shape.names_speaker) {
                self.registry.said(id, self.clock);
            }
            return;
        }
        if speaker.is_none() && attr.is_none() && shape.standalone {
            speaker = self.claimed_by_next_sentence(para, q);
        }
        // "Auch der Sprecher der Fraktion, Jan Koch, will „…“ prüfen": a fragment in a
        // sentence about one person is theirs
        // (in reported speech the subject is part of what was said: "Jeder Lehrer könne
        // „…“" is someone else's)
        if speaker.is_none() && attr.is_none() && !shape.standalone && !reported {
            speaker = self.subject_of(self.clock.sentence);
        }
        if speaker.is_none() && attr.as_ref().is_none_or(|a| a.speaker.is_none()) {
            let reach = if shape.standalone || continues_run || reported {
                3
            } else {
                1
            };
            // "Khan verurteilte die Haltung der Regierung. „…“": a quoted sentence of
            // its own right after a sentence about one person is theirs, even when
            // someone else spoke just before
            if attr.is_none() && shape.standalone && shape.sentence_like {
                speaker = self
                    .clock
                    .sentence
                    .checked_sub(1)
                    .and_then(|s| self.subject_of(s));
            }
            if speaker.is_none() {
                speaker = self.registry.last_speaker(self.clock, reach);
            }
        }
        if let Some(id) = speaker {
            self.registry.said(id, self.clock);
        }
        self.last_speech = Some((self.clock, q, speaker));
        let index_found = self.found.len();
        self.found.push(Found {
            speaker,
            cue: attr.map(|a| a.cue),
            text: inner.to_string(),
            section,
            paragraph,
            start: span.open,
            end: span.end,
        });
        self.join_run(index_found, !span.closed && span.end == para.text.len());
    }

    /// Pieces of one quote over several paragraphs share their speaker.
    fn join_run(&mut self, index: usize, runs_on: bool) {
        if let Some(id) = self.found[index].speaker {
            for &piece in &self.running {
                self.found[piece].speaker.get_or_insert(id);
            }
        } else if let Some(&first) = self.running.first() {
            self.found[index].speaker = self.found[first].speaker;
        }
        if runs_on {
            self.running.push(index);
        } else {
            self.running.clear();
        }
    }

    /// Speech, not a scare quote: long enough and attributed or standing as a sentence of
    /// its own, or short and tied to a cue.
    /// `reported`: the sentence is in reported speech (subjunctive), so a quoted
    /// fragment in it belongs to the speaker just before.
    fn is_speech(
        &self,
        shape: &Shape,
        attr: Option<&Attribution>,
        inner: &str,
        reported: bool,
    ) -> bool {
        let attributed = attr.is_some_and(|a| a.speaker.is_some() || a.tight);
        let tight = attr.is_some_and(|a| a.tight);
        // a name after a bare colon is a title ("ihr Album: „Confessions on a Dance Floor“")
        let colon_only = attr.is_some_and(|a| a.cue == ":");
        let names = !shape.sentence_like
            && ((shape.title_like && !tight) || (shape.name_like && (!attributed || colon_only)));
        if shape.term || shape.names_speaker || names {
            return false;
        }
        let recent = |sentences| self.registry.last_speaker(self.clock, sentences).is_some();
        if shape.words > SHORT {
            return attr.is_some() || shape.standalone || shape.fragment || (reported && recent(3));
        }
        if shape.words == 0 || self.is_term(inner) {
            return false;
        }
        let single_noun = shape.words == 1 && inner.starts_with(char::is_uppercase);
        // a capitalised word or name needs someone who says it in a frame that quotes
        // words ("als „Wortbruch“ bezeichnet", "nannte es einen „Vertrauensbruch“")
        let said =
            attr.is_some_and(|a| a.speaker.is_some() || (a.tight && a.class != VerbClass::Label));
        if single_noun {
            return said && (shape.framed || shape.standalone);
        }
        // "den Fluggast zu „entsorgen“", "der „drastischen“ Erhöhung": one word used in
        // the author's own infinitive or noun phrase
        if shape.words == 1 && shape.fragment && shape.in_authors_phrase {
            return false;
        }
        if shape.name_like && !shape.framed && !shape.standalone {
            return false;
        }
        match attr {
            // "Dies nennt man einen „Aktiensplit“": naming with no one who names; but a
            // word that judges ("wurden als „extrem“ bezeichnet") is someone's words
            Some(a) if a.class == VerbClass::Label => {
                a.speaker.is_some() || (shape.framed && shape.fragment)
            }
            Some(a) => a.tight || a.speaker.is_some(),
            None => {
                (shape.standalone && shape.sentence_like) || (reported && recent(3) && !single_noun)
            }
        }
    }
}

pub(super) fn span_text<'t>(para: &Para<'t>, first: usize, end: usize) -> &'t str {
    let (Some(a), Some(b)) = (
        para.tokens.get(first),
        end.checked_sub(1).and_then(|e| para.tokens.get(e)),
    ) else {
        return "";
    };
    &para.text[a.start..b.end.max(a.start)]
}

/// `text` with its words joined by single spaces: borrowed when it is so already, as
/// the names and roles the registry is given almost always are.
pub(super) fn squash(text: &str) -> Cow<'_, str> {
    if is_squashed(text) {
        return Cow::Borrowed(text);
    }
    let mut squashed = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !squashed.is_empty() {
            squashed.push(' ');
        }
        squashed.push_str(word);
    }
    Cow::Owned(squashed)
}

/// Whether `text` has no whitespace but single spaces between words.
fn is_squashed(text: &str) -> bool {
    let mut after_space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
}

/// Whether the sentence of token `q` has a subjunctive verb outside quotes ("sei", "habe").
/// Only the clause around the quote counts, between commas and colons.
fn reports_speech(para: &Para, q: usize) -> bool {
    let sentence = para.sentence_of(q);
    // "das derzeitige, aus dieser Idee abgeleitete System": a comma between an article
    // and its noun is inside a phrase, not between clauses
    let in_phrase = |t: usize| {
        t >= 2 && para.is(t - 2, "determiner") && para.is_word(t - 1) && !para.is_capitalized(t - 1)
    };
    let colon = |t: &usize| para.is_punct(*t, ':') || (para.is_punct(*t, ',') && !in_phrase(*t));
    let mut start = (sentence.start..q)
        .rev()
        .find(colon)
        .map_or(sentence.start, |c| c + 1);
    // "Die Studie zeige, „dass …“": a quote opening its clause depends on the one before
    if start == q && start > sentence.start {
        start = (sentence.start..start - 1)
            .rev()
            .find(colon)
            .map_or(sentence.start, |c| c + 1);
    }
    let end = (q..sentence.end).find(colon).unwrap_or(sentence.end);
    (start..end).any(|t| is_subjunctive(para, t))
}

fn opens_with_mark(text: &str) -> bool {
    text.trim_start()
        .starts_with(['„', '“', '"', '»', '«', '‚', '‘'])
}
