//! The data every other part shares: an article split into its parts, and what the
//! extractors found in it. Plain data with serde derives; the JSON of `kiosk export`
//! (DESIGN.md §3) is exactly the serialisation of [`Article`].

use serde::{Deserialize, Serialize};

/// One news article, parsed and annotated.
///
/// The first twelve fields are the export contract of DESIGN.md §3, in that order;
/// the optional fields after them are extras that appear only when known.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file stem (for JSON lines: the record's `id`, else `<file stem>#<line>`).
    pub id: String,
    /// Where the article came from, as the user named it (`seeds/…` for the embedded seeds).
    pub path: String,
    pub title: String,
    /// True when the text had no headline and the title was derived from the text.
    pub title_inferred: bool,
    /// ISO date (`YYYY-MM-DD`) when the text states one.
    pub date: Option<String>,
    pub lead: Option<String>,
    pub sections: Vec<Section>,
    /// Photo captions without their credits.
    pub captions: Vec<String>,
    /// The "Verwendete Quellen" / sources list, one item per entry.
    pub sources: Vec<String>,
    /// Countries mentioned in the content, most mentioned first, then by code.
    pub countries: Vec<CountryCount>,
    /// Direct quotes in reading order.
    pub quotes: Vec<Quote>,
    /// One row per distinct speaker of the article.
    pub speakers: Vec<Speaker>,
    /// A line above the title that labels it ("Pakt mit Schurken im Ukraine-Krieg").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    /// Place names that open the lead ("Tokio, Peking, Berlin"), kept out of the lead text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_domain: Option<String>,
}

/// A run of paragraphs under one heading (`None` for text before the first heading).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

/// How often one country is mentioned in an article's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryCount {
    /// ISO 3166-1 alpha-2 (`XK` for Kosovo).
    pub code: String,
    /// The German short name.
    pub name: String,
    pub mentions: u32,
}

/// A direct quote: speech in quotation marks that a person or body said or wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The speaker's name as [`Speaker::name`] gives it, or `None` when nobody can be found.
    pub speaker: Option<String>,
    /// The speech verb or phrase that attributes it ("sagt", "so", "fügte hinzu").
    pub cue: Option<String>,
    /// The quoted words without their quotation marks.
    pub text: String,
    /// Index into [`Article::sections`].
    pub section: usize,
    /// Index into that section's paragraphs.
    pub paragraph: usize,
    /// Offset in chars (Unicode scalar values) into the paragraph, at the opening mark.
    pub start: usize,
    /// Offset in chars just after the closing mark.
    pub end: usize,
}

/// Someone quoted in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    /// The apposition that introduces them ("Chinaforscherin bei der Stiftung …").
    pub role: Option<String>,
    pub organization: Option<String>,
    pub kind: SpeakerKind,
    /// How many of the article's quotes are theirs.
    pub quotes: usize,
}

/// What a speaker speaks as: an analyst, a holder of office, or anyone else.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Expert,
    Official,
    #[default]
    Other,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Expert => "expert",
            SpeakerKind::Official => "official",
            SpeakerKind::Other => "other",
        }
    }
}

impl Article {
    /// Every content paragraph with its (section, paragraph) position, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, usize, &str)> {
        self.sections.iter().enumerate().flat_map(|(s, section)| {
            section
                .paragraphs
                .iter()
                .enumerate()
                .map(move |(p, text)| (s, p, text.as_str()))
        })
    }

    /// The content the extractors read: title, kicker, lead, headings and paragraphs;
    /// never captions, dateline, boilerplate or sources.
    /// An inferred title that repeats the start of the lead (or, with no lead, of the
    /// first paragraph) is read once, in the text;
    /// a kicker that the title line already holds is read once, in the title.
    pub fn content_parts(&self) -> impl Iterator<Item = &str> {
        let first_text = self
            .lead
            .as_deref()
            .or_else(|| self.paragraphs().next().map(|(_, _, p)| p));
        let title_repeats_lead = self.title_inferred
            && first_text.is_some_and(|text| text.starts_with(self.title.as_str()));
        // A kicker that is part of the title line ("Kicker - Headline") is read once.
        let kicker = self
            .kicker
            .as_deref()
            .filter(|kicker| !self.title.contains(kicker));
        let head = [
            (!title_repeats_lead).then_some(self.title.as_str()),
            kicker,
            self.lead.as_deref(),
        ];
        head.into_iter()
            .flatten()
            .chain(self.sections.iter().flat_map(|s| {
                s.heading
                    .as_deref()
                    .into_iter()
                    .chain(s.paragraphs.iter().map(String::as_str))
            }))
    }

    /// Bytes of text the article holds (title, lead, paragraphs, captions, sources).
    pub fn text_len(&self) -> usize {
        self.content_parts().map(str::len).sum::<usize>()
            + self.captions.iter().map(String::len).sum::<usize>()
            + self.sources.iter().map(String::len).sum::<usize>()
    }
}
