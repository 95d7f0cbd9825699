//! How an article becomes a [`Doc`]: its parts in reading order as blocks, each with
//! what to highlight: quotes with the speaker's name inserted after them, country
//! mentions (from the extractor, or a stand-in), search matches.

use std::ops::Range;

use super::doc::{Block, BlockKind, Doc, Highlight, MentionFinder, Span};
use super::doc_quotes::Shown;
use crate::model::{Article, Speaker};
use crate::search::Searcher;

impl Doc {
    /// Lays out article `index` at `width` columns.
    pub fn build(
        article: &Article,
        index: usize,
        width: usize,
        search: Option<&Searcher>,
        mentions: MentionFinder,
    ) -> Doc {
        let mut builder = Builder {
            doc: Doc {
                article: Some(index),
                quotes: vec![None; article.quotes.len()],
                ..Doc::default()
            },
            search,
            mentions,
        };
        builder.article(article);
        let mut doc = builder.doc;
        doc.wrap(width);
        doc
    }
}

struct Builder<'a> {
    doc: Doc,
    search: Option<&'a Searcher>,
    mentions: MentionFinder,
}

impl Builder<'_> {
    fn article(&mut self, a: &Article) {
        if let Some(kicker) = &a.kicker {
            self.content(BlockKind::Kicker, kicker);
        }
        self.content(BlockKind::Title, &a.title);
        let meta = meta_line(a);
        if !meta.is_empty() {
            self.plain(BlockKind::Meta, meta);
        }
        let address = a.url.as_deref().unwrap_or(&a.path);
        if !address.is_empty() {
            self.plain(BlockKind::Address, address.to_string());
        }
        for line in entity_lines(a) {
            self.plain(BlockKind::Entities, line);
        }
        if let Some(dateline) = &a.dateline {
            self.blank();
            self.plain(BlockKind::Dateline, dateline.clone());
        }
        if let Some(lead) = a.lead.as_deref().filter(|l| !l.trim().is_empty()) {
            self.blank();
            self.content(BlockKind::Lead, lead);
        }
        for (s, section) in a.sections.iter().enumerate() {
            if let Some(heading) = &section.heading {
                self.blank();
                self.content(BlockKind::Heading, heading);
            }
            for (p, text) in section.paragraphs.iter().enumerate() {
                self.blank();
                self.paragraph(a, s, p, text);
            }
        }
        self.list("Captions", BlockKind::Caption, &a.captions);
        self.list("Sources", BlockKind::Source, &a.sources);
    }

    fn blank(&mut self) {
        self.plain(BlockKind::Blank, String::new());
    }

    /// Text that is not the article's (labels, meta): no highlights.
    fn plain(&mut self, kind: BlockKind, text: String) {
        self.push(kind, text, Vec::new());
    }

    /// Article text outside paragraphs: country mentions and search matches.
    fn content(&mut self, kind: BlockKind, text: &str) {
        let spans = self.mentions_and_matches(text, |o, _| o);
        self.push(kind, text.to_string(), spans);
    }

    fn list(&mut self, label: &str, kind: BlockKind, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.blank();
        self.plain(BlockKind::Label, label.to_string());
        for item in items {
            let spans = self.matches(item, |o, _| o);
            self.push(kind, item.clone(), spans);
        }
    }

    /// A paragraph: its quotes, each with its speaker (the name beside it in the text
    /// highlighted, else `[speaker]` inserted after it), its mentions and matches.
    fn paragraph(&mut self, a: &Article, s: usize, p: usize, text: &str) {
        let block = self.doc.blocks.len();
        let shown = Shown::new(a, s, p, text);
        for &(q, start) in &shown.quote_starts {
            self.doc.quotes[q] = Some((block, start));
        }
        let mut spans = shown.spans.clone();
        spans.extend(self.mentions_and_matches(text, |at, end| shown.shift(at, end)));
        self.push(BlockKind::Paragraph, shown.text, spans);
    }

    fn mentions_and_matches(
        &mut self,
        text: &str,
        shift: impl Fn(usize, bool) -> usize,
    ) -> Vec<Span> {
        let mut spans: Vec<Span> = (self.mentions)(text)
            .into_iter()
            .filter(|r| fits(text, r))
            .map(|r| Span {
                range: shift(r.start, false)..shift(r.end, true),
                kind: Highlight::Country,
            })
            .collect();
        spans.extend(self.matches(text, shift));
        spans
    }

    fn matches(&mut self, text: &str, shift: impl Fn(usize, bool) -> usize) -> Vec<Span> {
        let Some(search) = self.search else {
            return Vec::new();
        };
        let block = self.doc.blocks.len();
        search
            .find(text)
            .into_iter()
            .map(|r| {
                let range = shift(r.start, false)..shift(r.end, true);
                self.doc.matches.push((block, range.clone()));
                Span {
                    range,
                    kind: Highlight::Match(self.doc.matches.len() - 1),
                }
            })
            .collect()
    }

    fn push(&mut self, kind: BlockKind, text: String, spans: Vec<Span>) {
        self.doc.blocks.push(Block {
            kind,
            text,
            spans,
            first_line: 0,
        });
    }
}

fn fits(text: &str, range: &Range<usize>) -> bool {
    range.start < range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
}

/// Date and source: what a reader checks first.
fn meta_line(a: &Article) -> String {
    [a.date.as_deref(), a.source_domain.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "Countries: Russland 31 · China 12" and "Quoted: Nadine Godehardt (3) · …" (experts
/// first).
fn entity_lines(a: &Article) -> Vec<String> {
    let mut lines = Vec::new();
    if !a.countries.is_empty() {
        let list: Vec<String> = a
            .countries
            .iter()
            .map(|c| format!("{} {}", c.name, c.mentions))
            .collect();
        lines.push(format!("Countries: {}", list.join(" · ")));
    }
    if !a.speakers.is_empty() {
        let mut speakers: Vec<&Speaker> = a.speakers.iter().collect();
        // Experts first, as in the sidebar; the most quoted first.
        speakers.sort_by(|x, y| x.kind.cmp(&y.kind).then(y.quotes.cmp(&x.quotes)));
        let list: Vec<String> = speakers
            .iter()
            .map(|s| format!("{} ({})", s.name, s.quotes))
            .collect();
        lines.push(format!("Quoted: {}", list.join(" · ")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norway(text: &str) -> Vec<Range<usize>> {
        text.match_indices("Norwegen")
            .map(|(i, m)| i..i + m.len())
            .collect()
    }

    #[test]
    fn spans_land_on_their_text_after_the_speaker_tag_is_inserted() {
        use crate::model::{Quote, Section};
        let text = "Sie sagt: „Norwegen liefert“, so Solberg über Norwegen.";
        let start = text[..text.find('„').unwrap()].chars().count();
        let article = Article {
            title: "T".into(),
            sections: vec![Section {
                heading: None,
                paragraphs: vec![text.into()],
            }],
            quotes: vec![Quote {
                speaker: Some("Ingrid Solberg".into()),
                cue: None,
                text: "Norwegen liefert".into(),
                section: 0,
                paragraph: 0,
                start,
                end: start + 18,
            }],
            ..Article::default()
        };
        let search = Searcher::new("solberg");
        let doc = Doc::build(&article, 0, 30, search.as_ref(), norway);
        let block = doc
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
            .unwrap();
        let shown = |kind: fn(&Highlight) -> bool| -> Vec<&str> {
            let spans = block.spans.iter().filter(|s| kind(&s.kind));
            spans.map(|s| &block.text[s.range.clone()]).collect()
        };
        assert_eq!(
            shown(|k| matches!(k, Highlight::Quote(0))),
            ["„Norwegen liefert“"]
        );
        assert_eq!(
            shown(|k| matches!(k, Highlight::Speaker(0))),
            ["[Ingrid Solberg]"]
        );
        assert_eq!(
            shown(|k| matches!(k, Highlight::Country)),
            ["Norwegen", "Norwegen"]
        );
        assert_eq!(
            shown(|k| matches!(k, Highlight::Match(_))),
            ["Solberg"],
            "not the tag"
        );
        assert_eq!(doc.quote_line(0), Some(doc.line_at(doc.quotes[0].unwrap())));
    }
}
