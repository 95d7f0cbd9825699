//! Hand-made articles with countries, quotes and speakers filled in, for state tests and
//! screen snapshots that must not depend on the extractors. The texts are invented for
//! these tests (no licence needed).
#![allow(dead_code)]

use kiosk::app::{Action, AppState};
use kiosk::model::{Article, CountryCount, Quote, Section, Speaker, SpeakerKind};

pub const SOLBERG: &str = "Ingrid Solberg";
pub const BERG: &str = "Olaf Berg";
pub const LI: &str = "Li Wei";

/// A quote of `words` (its marks included) in a paragraph, at char offsets.
fn quote(
    paragraph: &str,
    open: char,
    words: &str,
    speaker: Option<&str>,
    at: (usize, usize),
) -> Quote {
    let marked = format!("{open}{words}");
    let byte = paragraph
        .find(&marked)
        .unwrap_or_else(|| panic!("{marked:?} not in {paragraph:?}"));
    let start = paragraph[..byte].chars().count();
    let end = start + words.chars().count() + 2;
    Quote {
        speaker: speaker.map(str::to_string),
        cue: Some("sagt".into()),
        text: words.to_string(),
        section: at.0,
        paragraph: at.1,
        start,
        end,
    }
}

fn country(code: &str, name: &str, mentions: u32) -> CountryCount {
    CountryCount {
        code: code.into(),
        name: name.into(),
        mentions,
    }
}

fn speaker(name: &str, kind: SpeakerKind, role: &str, quotes: usize) -> Speaker {
    Speaker {
        name: name.into(),
        role: Some(role.into()),
        organization: None,
        kind,
        quotes,
    }
}

fn section(heading: Option<&str>, paragraphs: &[&str]) -> Section {
    Section {
        heading: heading.map(str::to_string),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
    }
}

/// Norway and Germany; two quotes by Solberg (expert), one by Berg (official).
pub fn gas_article() -> Article {
    let p0 = "Norwegen will mehr Gas nach Deutschland liefern. „Die Leitungen sind bereit, wir können im Winter zehn Prozent mehr schicken“, sagt Ingrid Solberg, Energieforscherin am Institut in Oslo.";
    let p1 = "Der Minister ist vorsichtiger. „Wir versprechen nichts, was wir nicht halten können“, sagte Olaf Berg am Dienstag in Bergen.";
    let p2 = "Solberg bleibt dabei: „Norwegen ist der verlässlichste Lieferant Europas, und das wird so bleiben.“ Die Preise sanken am Nachmittag leicht.";
    let mut a = Article {
        id: "gas".into(),
        path: "fixtures/gas.txt".into(),
        title: "Norwegen liefert mehr Gas".into(),
        date: Some("2024-01-15".into()),
        lead: Some("Oslo verspricht Deutschland zusätzliche Lieferungen für den Winter.".into()),
        sections: vec![
            section(None, &[p0, p1]),
            section(Some("Was Fachleute sagen"), &[p2]),
        ],
        url: Some("https://example.org/gas".into()),
        source_domain: Some("example.org".into()),
        ..Article::default()
    };
    a.quotes = vec![
        quote(
            p0,
            '„',
            "Die Leitungen sind bereit, wir können im Winter zehn Prozent mehr schicken",
            Some(SOLBERG),
            (0, 0),
        ),
        quote(
            p1,
            '„',
            "Wir versprechen nichts, was wir nicht halten können",
            Some(BERG),
            (0, 1),
        ),
        quote(
            p2,
            '„',
            "Norwegen ist der verlässlichste Lieferant Europas, und das wird so bleiben.",
            Some(SOLBERG),
            (1, 0),
        ),
    ];
    a.speakers = vec![
        speaker(
            SOLBERG,
            SpeakerKind::Expert,
            "Energieforscherin am Institut in Oslo",
            2,
        ),
        speaker(BERG, SpeakerKind::Official, "Energieminister", 1),
    ];
    a.countries = vec![
        country("NO", "Norwegen", 4),
        country("DE", "Deutschland", 2),
    ];
    a
}

/// Germany and Russia; Solberg again, and a quote nobody is named for.
pub fn pipeline_article() -> Article {
    let p0 = "In Berlin wird über die alte Leitung aus Russland gestritten. „Ohne russisches Gas kommen wir durch den Winter“, sagt Ingrid Solberg.";
    let p1 =
        "Aus dem Ministerium hieß es nur: „Wir prüfen alle Optionen.“ Moskau äußerte sich nicht.";
    let mut a = Article {
        id: "pipeline".into(),
        path: "fixtures/pipeline.txt".into(),
        title: "Streit um die alte Leitung".into(),
        date: Some("2024-01-16".into()),
        sections: vec![section(None, &[p0, p1])],
        captions: vec!["Ein Rohr der Leitung bei Lubmin.".into()],
        sources: vec!["example.org: Leitungen im Winter".into()],
        ..Article::default()
    };
    a.quotes = vec![
        quote(
            p0,
            '„',
            "Ohne russisches Gas kommen wir durch den Winter",
            Some(SOLBERG),
            (0, 0),
        ),
        quote(p1, '„', "Wir prüfen alle Optionen.", None, (0, 1)),
    ];
    a.speakers = vec![speaker(
        SOLBERG,
        SpeakerKind::Expert,
        "Energieforscherin",
        1,
    )];
    a.countries = vec![
        country("RU", "Russland", 3),
        country("DE", "Deutschland", 1),
    ];
    a
}

/// Wide characters: a Chinese article about Russia and China, one quote by Li Wei.
pub fn cjk_article() -> Article {
    let p0 = "北京和莫斯科周二签署了新的能源合作协议。“这是两国关系的新阶段”，李伟说。他是北京一所大学的研究员。";
    let p1 = "分析人士认为，俄罗斯需要新的买家，而中国需要稳定的供应。Café crème 和 naïve 这样的词也会出现。";
    let mut a = Article {
        id: "cjk".into(),
        path: "fixtures/cjk.txt".into(),
        title: "中俄签署能源协议".into(),
        date: Some("2024-02-01".into()),
        lead: Some("两国在北京会谈后宣布扩大合作。".into()),
        sections: vec![section(None, &[p0]), section(Some("分析"), &[p1])],
        ..Article::default()
    };
    a.quotes = vec![quote(p0, '“', "这是两国关系的新阶段", Some(LI), (0, 0))];
    a.speakers = vec![speaker(LI, SpeakerKind::Expert, "研究员", 1)];
    a.countries = vec![country("CN", "China", 3), country("RU", "Russland", 2)];
    a
}

/// Nothing extracted; a kicker, a dateline and a long body to scroll.
pub fn plain_article() -> Article {
    let body: Vec<String> = (1..=12)
        .map(|n| format!("Absatz {n}: Der Markt für Strom bleibt ruhig, die Händler warten auf neue Zahlen aus den Netzen und auf das Wetter der kommenden Woche."))
        .collect();
    let refs: Vec<&str> = body.iter().map(String::as_str).collect();
    Article {
        id: "strom".into(),
        path: "fixtures/strom.txt".into(),
        title: "Strompreise bleiben stabil".into(),
        kicker: Some("Energiemarkt".into()),
        dateline: Some("Frankfurt".into()),
        lead: Some("Die Börse meldet kaum Bewegung.".into()),
        sections: vec![
            section(None, &refs[..6]),
            section(Some("Ausblick"), &refs[6..]),
        ],
        ..Article::default()
    }
}

/// The four fixtures in corpus order: gas, pipeline, cjk, strom.
pub fn articles() -> Vec<Article> {
    vec![
        gas_article(),
        pipeline_article(),
        cjk_article(),
        plain_article(),
    ]
}

/// A reader over the fixtures at the given size.
pub fn state(width: u16, height: u16) -> AppState {
    AppState::with_articles(articles(), width, height)
}

/// The embedded seeds, annotated by the extractors of this build.
pub fn seeds_state(width: u16, height: u16) -> AppState {
    let mut articles = kiosk::load::seeds();
    articles.iter_mut().for_each(kiosk::extract::annotate);
    AppState::with_articles(articles, width, height)
}

/// Finds "Norwegen" and "Deutschland" (a stand-in for the country extractor).
pub fn fake_mentions(text: &str) -> Vec<std::ops::Range<usize>> {
    ["Norwegen", "Deutschland", "Russland"]
        .iter()
        .flat_map(|name| text.match_indices(name).map(|(i, m)| i..i + m.len()))
        .collect()
}

/// Carries out the actions in turn.
pub fn run(state: &mut AppState, actions: &[Action]) {
    for &action in actions {
        state.update(action);
    }
}

/// Types `text` into the prompt that is open.
pub fn type_text(state: &mut AppState, text: &str) {
    for c in text.chars() {
        state.update(Action::Input(c));
    }
}
