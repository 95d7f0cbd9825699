//! Attribution: each way the text names a quote's speaker, pronoun and role-noun
//! resolution, surnames, continuation paragraphs, bodies and unknown speakers.
//! Made-up sentences only.

mod common;

use common::article;
use kiosk::extract::quotes::extract;
use kiosk::model::{Quote, Speaker, SpeakerKind};

fn read(paragraphs: &[&str]) -> (Vec<Quote>, Vec<Speaker>) {
    extract(&article(paragraphs))
}

/// The speakers of the quotes, in order.
fn speakers(paragraphs: &[&str]) -> Vec<Option<String>> {
    read(paragraphs).0.into_iter().map(|q| q.speaker).collect()
}

fn named(name: &str) -> Option<String> {
    Some(name.to_string())
}

#[test]
fn speaker_after_the_quote_with_an_apposition() {
    let (quotes, speakers) = read(&[
        "„Die Zinsen bleiben noch lange hoch“, sagt Anna Berger, Ökonomin beim Institut für Weltwirtschaft.",
    ]);
    assert_eq!(quotes[0].speaker, named("Anna Berger"));
    assert_eq!(quotes[0].cue.as_deref(), Some("sagt"));
    let anna = &speakers[0];
    assert_eq!(
        anna.role.as_deref(),
        Some("Ökonomin beim Institut für Weltwirtschaft")
    );
    assert_eq!(
        anna.organization.as_deref(),
        Some("Institut für Weltwirtschaft")
    );
    assert_eq!(anna.kind, SpeakerKind::Expert);
}

#[test]
fn speaker_before_a_colon() {
    assert_eq!(
        speakers(&[
            "Jan Koch sagte zu den Reportern: „Wir haben alles versucht, was möglich war.“"
        ]),
        vec![named("Jan Koch")]
    );
}

#[test]
fn so_and_a_surname() {
    assert_eq!(
        speakers(&[
            "Die Ökonomin Anna Berger rechnet mit steigenden Preisen.",
            "„Der Winter wird für viele Haushalte teuer“, so Berger.",
        ]),
        vec![named("Anna Berger")]
    );
}

#[test]
fn surname_alone_resolves_to_the_full_name() {
    assert_eq!(
        speakers(&[
            "Thomas Vogt, Militärexperte an der Universität Kiel, ist skeptisch.",
            "„Ein schneller Sieg ist derzeit nicht in Sicht“, meint Vogt.",
        ]),
        vec![named("Thomas Vogt")]
    );
}

#[test]
fn laut_and_zufolge() {
    assert_eq!(
        speakers(&[
            "Laut Innenminister Frank Holt ist die Lage „unter Kontrolle und ohne Gefahr für die Bürger“."
        ]),
        vec![named("Frank Holt")]
    );
    assert_eq!(
        speakers(&[
            "Dem Innenminister Frank Holt zufolge war der Einsatz „ein voller Erfolg für alle Beteiligten“."
        ]),
        vec![named("Frank Holt")]
    );
}

#[test]
fn a_body_after_heisst_es() {
    let (quotes, speakers) = read(&[
        "„Wir verurteilen den Angriff aufs Schärfste“, hieß es aus dem Außenministerium in Paris.",
    ]);
    assert_eq!(quotes[0].speaker, named("Außenministerium in Paris"));
    assert_eq!(speakers[0].kind, SpeakerKind::Official);
}

#[test]
fn a_body_after_so() {
    let (quotes, speakers) = read(&["„Die Gespräche waren konstruktiv und offen“, so der Kreml."]);
    assert_eq!(quotes[0].speaker, named("Kreml"));
    assert_eq!(speakers[0].kind, SpeakerKind::Official);
}

#[test]
fn vague_heisst_es_goes_to_the_body_that_spoke_last() {
    assert_eq!(
        speakers(&[
            "Das Verteidigungsministerium in Rom erklärte: „Wir prüfen alle Möglichkeiten genau.“",
            "„Eine Entscheidung fällt erst nach dem Gipfel“, hieß es weiter.",
        ]),
        vec![
            named("Verteidigungsministerium in Rom"),
            named("Verteidigungsministerium in Rom")
        ]
    );
}

#[test]
fn pronoun_resolves_to_the_most_recent_person() {
    assert_eq!(
        speakers(&[
            "Die Forscherin Eva Lang hat die Messdaten aus drei Jahrzehnten untersucht.",
            "„Die Werte steigen seit Jahren deutlich an“, sagt sie.",
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn pronoun_prefers_the_name_in_the_same_sentence() {
    assert_eq!(
        speakers(&[
            "„Das ist ein Fehler“, sagte Jan Koch. Max Held sieht es anders: „Wir brauchen das Gesetz jetzt“, sagt er.",
        ]),
        vec![named("Jan Koch"), named("Max Held")]
    );
}

#[test]
fn role_noun_resolves_to_the_person_with_that_role() {
    assert_eq!(
        speakers(&[
            "Thomas Vogt, Militärexperte an der Universität Kiel, ist skeptisch.",
            "Die Armee hat kaum noch Reserven.",
            "„Ein schneller Sieg ist nicht in Sicht“, sagt der Experte.",
        ]),
        vec![named("Thomas Vogt")]
    );
}

#[test]
fn role_noun_does_not_resolve_to_another_compound_of_it() {
    assert_eq!(
        speakers(&[
            "Innenminister Paul Brandt traf am Morgen Außenministerin Eva Lorenz. Sie sprachen über Grenzen.",
            "„Wir schließen keinen Übergang“, sagte der Innenminister danach.",
        ]),
        vec![named("Paul Brandt")]
    );
    assert_eq!(
        speakers(&[
            "Ministerpräsident Karl Sauer hat den Landtag aufgelöst. Landtagspräsidentin Ina Wolf nahm das an.",
            "„Ich sehe keine andere Wahl“, sagte der Ministerpräsident.",
        ]),
        vec![named("Karl Sauer")]
    );
}

#[test]
fn plural_speech_verbs_attribute() {
    assert_eq!(
        speakers(&[
            "„Wozu brauchen wir dann noch den Verband?“, fragen sich Ökonomen.",
            "„Der Rückgang ist dramatisch“, klagen die Landwirte im Norden.",
        ]),
        vec![named("Ökonomen"), named("Landwirte im Norden")]
    );
}

#[test]
fn states_speak_together() {
    assert_eq!(
        speakers(&[
            "Die Bundesländer erwarten Mehrkosten, die durch einen „erheblichen Bedarf an neuen Schulen“ entstünden.",
        ]),
        vec![named("Bundesländer")]
    );
}

#[test]
fn quoted_names_of_papers_speak() {
    assert_eq!(
        speakers(&[
            "„Die neue Version holt kräftig auf“, schreibt die „Netzwelt“.",
            "Laut „Tagesblatt“ ist die Lage „sehr ernst und für alle Beteiligten angespannt“.",
        ]),
        vec![named("Netzwelt"), named("Tagesblatt")]
    );
}

#[test]
fn who_quotes_is_not_who_speaks() {
    assert_eq!(
        speakers(&[
            "Die Landrätin Sonja Krug wird von der „Abendpost“ mit den Worten zitiert: „Wir sind vorbereitet.“",
        ]),
        vec![named("Sonja Krug")]
    );
}

#[test]
fn heisst_es_in_a_text_after_the_clause() {
    assert_eq!(
        speakers(&[
            "„Wir schaffen den Umbau bis zum Jahresende“, so heißt es in einer Erklärung des Betriebsrates.",
            "Der Konzern will „durch mehr Effizienz und eine höhere Produktivität“ sparen, heißt es in einem Schreiben der Gewerkschaft.",
        ]),
        vec![named("Betriebsrates"), named("Gewerkschaft")]
    );
}

#[test]
fn so_x_closing_the_sentence_speaks_for_it() {
    assert_eq!(
        speakers(&[
            "Jan Koch sprach von Fortschritten. Der Plan sei „mit Vorsicht zu genießen“, weil ähnliche Bauten doppelt so viel gekostet hätten, so die Prüfbehörde.",
        ]),
        vec![named("Prüfbehörde")]
    );
}

#[test]
fn nach_bewertung_von_names_the_source() {
    assert_eq!(
        speakers(&[
            "Die Nachrichten gaben nach Bewertung von Polizei und Staatsanwaltschaft „keinen Anlass für strafrechtliche Maßnahmen“.",
        ]),
        vec![named("Polizei")]
    );
}

#[test]
fn a_quote_in_an_opening_clause_is_that_clauses_speakers() {
    assert_eq!(
        speakers(&[
            "Während Eva Lang erklärte, sehr nervös zu sein, „mehr geht nicht“, räumte Jan Koch ein, lange davon geträumt zu haben.",
            "„Jetzt ist es endlich so weit und ich freue mich sehr darauf.“",
        ]),
        vec![named("Eva Lang"), named("Jan Koch")]
    );
}

#[test]
fn a_wonach_clause_is_its_subjects_view() {
    assert_eq!(
        speakers(&[
            "Der Sender zitiert eine Zeitung, wonach Umweltministerin Eva Lang den Konzernen die Schuld gibt, deren „maßlose und rücksichtslose Ausbeutung“ die Böden zerstöre.",
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn the_main_clause_before_a_colon_speaks_not_the_reporter() {
    assert_eq!(
        speakers(&[
            "Wie der Sender berichtet, schickte Regierungssprecherin Eva Lang eine Nachricht, die aus einem Wort bestand: „Großartig.“",
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn a_relative_clause_speaks_for_a_role_or_a_text() {
    assert_eq!(
        speakers(&[
            "Der Minister, der die Entscheidung als „einen Schlag ins Gesicht aller Helfer“ bezeichnet, tritt zurück.",
            "In der Zeitung erschien ein Kommentar, der die Wahl als „eine nicht nachvollziehbare Verirrung der Jury“ bezeichnet.",
        ]),
        vec![named("Minister"), named("Kommentar")]
    );
}

#[test]
fn die_rede_names_its_source_not_its_topic() {
    assert_eq!(
        speakers(&[
            "In einem Schreiben an die Mitarbeiter war von einem „offenen und ehrlichen Dialog“ die Rede.",
            "Zunächst war seitens der Polizei vom Tod von „vier bewaffneten Angreifern“ die Rede.",
        ]),
        vec![named("Schreiben"), named("Polizei")]
    );
}

#[test]
fn a_person_noun_speaks_in_any_case() {
    assert_eq!(
        speakers(&[
            "Nach Angaben eines Gutachters würden die Spuren „wie Pech an den Händen“ kleben.",
            "„Das haben wir nicht erwartet“, sagte einer der Beobachter.",
        ]),
        vec![named("Gutachters"), named("Beobachter")]
    );
}

#[test]
fn von_seiten_names_the_body_after_it() {
    assert_eq!(
        speakers(&[
            "„Künftig wäre damit auch das Trommeln verboten“, heißt es von Seiten des Ministeriums.",
        ]),
        vec![named("Ministeriums")]
    );
}

#[test]
fn role_before_the_name() {
    let (quotes, speakers) = read(&[
        "„Wir brauchen mehr Personal in den Schulen“, sagte Bildungsministerin Julia Roth.",
    ]);
    assert_eq!(quotes[0].speaker, named("Julia Roth"));
    assert_eq!(speakers[0].role.as_deref(), Some("Bildungsministerin"));
    assert_eq!(speakers[0].kind, SpeakerKind::Official);
}

#[test]
fn name_set_off_after_a_role() {
    assert_eq!(
        speakers(&[
            "Der Leiter des Wetterdienstes, Klaus Sommer, sagte: „Der Sturm erreicht uns in der Nacht.“"
        ]),
        vec![named("Klaus Sommer")]
    );
}

#[test]
fn unattributed_quote_paragraph_continues_the_previous_speaker() {
    assert_eq!(
        speakers(&[
            "„Die Lage an der Grenze ist ruhig“, sagt Eva Lang.",
            "„Aber niemand weiß, wie lange das noch so bleibt.“",
        ]),
        vec![named("Eva Lang"), named("Eva Lang")]
    );
}

#[test]
fn connective_colon_continues_the_previous_speaker() {
    assert_eq!(
        speakers(&[
            "Max Held glaubt, dass die Reform kommt.",
            "Denn: „Ohne sie bricht das System in wenigen Jahren zusammen.“",
        ]),
        vec![named("Max Held")]
    );
}

#[test]
fn possessive_speech_noun() {
    assert_eq!(
        speakers(&[
            "Der Historiker Paul Brenner hat die Akten gelesen.",
            "Sein Fazit: „Die Archive erzählen eine ganz andere Geschichte.“",
        ]),
        vec![named("Paul Brenner")]
    );
}

#[test]
fn separable_verb_with_its_particle() {
    let (quotes, _) = read(&[
        "Die Ministerin Julia Roth sprach lange. „Wir lassen niemanden im Stich“, fügte sie hinzu.",
    ]);
    assert_eq!(quotes[0].speaker, named("Julia Roth"));
    assert_eq!(quotes[0].cue.as_deref(), Some("fügte hinzu"));
}

#[test]
fn partial_quote_in_reported_speech() {
    assert_eq!(
        speakers(&[
            "Weiter erklärte Jan Koch, dass er „keinerlei Verständnis für diese Forderung“ habe."
        ]),
        vec![named("Jan Koch")]
    );
}

#[test]
fn short_quote_with_a_naming_verb() {
    assert_eq!(
        speakers(&["Die Ministerin Julia Roth nannte den Vorschlag „völlig absurd“."]),
        vec![named("Julia Roth")]
    );
}

#[test]
fn english_pronoun_after_the_quote() {
    assert_eq!(
        speakers(&[
            "John Miller, a spokesman for the agency, spoke on Monday.",
            "\"We will not give up on the search,\" he said.",
        ]),
        vec![named("John Miller")]
    );
}

/// English puts the comma inside the marks: `"…," according to X`.
#[test]
fn english_according_to_after_the_comma_inside_the_marks() {
    assert_eq!(
        speakers(&["\"Prices will rise again next year,\" according to the Bank of England."]),
        vec![named("Bank of England")]
    );
    assert_eq!(
        speakers(&["According to Mark Davies, \"the market will turn before the summer\"."]),
        vec![named("Mark Davies")]
    );
}

#[test]
fn unknown_speaker_is_null() {
    assert_eq!(
        speakers(&["„Niemand hat damit gerechnet, dass es so schnell geht.“"]),
        vec![None]
    );
}

#[test]
fn no_guess_from_far_back_in_the_article() {
    let mut paragraphs = vec!["„Die Lage ist ernst“, sagte Jan Koch am Montag."];
    paragraphs.extend(std::iter::repeat_n(
        "Die Preise steigen weiter. Der Handel leidet.",
        6,
    ));
    paragraphs.push("„Niemand hat damit gerechnet, dass es so schnell geht.“");
    assert_eq!(speakers(&paragraphs), vec![named("Jan Koch"), None]);
}

#[test]
fn one_row_per_speaker_with_quote_counts() {
    let (_, speakers) = read(&[
        "„Das ist der erste Punkt“, sagt Eva Lang.",
        "„Und das ist der zweite Punkt“, sagt Lang.",
        "„Dem widerspreche ich entschieden“, sagt Max Held.",
    ]);
    let rows: Vec<(&str, usize)> = speakers
        .iter()
        .map(|s| (s.name.as_str(), s.quotes))
        .collect();
    assert_eq!(rows, vec![("Eva Lang", 2), ("Max Held", 1)]);
}

#[test]
fn opinion_forms_name_their_holder() {
    assert_eq!(
        speakers(&[
            "Für den Historiker Paul Brenner sei der Rücktritt „aus vielen Gründen verständlich“."
        ]),
        vec![named("Paul Brenner")]
    );
    assert_eq!(
        speakers(&[
            "Eva Lang ist der Meinung, dass die Reform „viel zu spät und viel zu zaghaft“ komme."
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn speaker_between_auxiliary_and_participle() {
    assert_eq!(
        speakers(&[
            "Die Arbeit sei „nicht frei von Schwächen und Fehlern“, hatte Jan Koch damals gesagt."
        ]),
        vec![named("Jan Koch")]
    );
}

#[test]
fn indefinite_role_is_someone_new() {
    assert_eq!(
        speakers(&[
            "„Wir prüfen den Fall sehr genau“, sagte Regierungssprecher Max Held.",
            "„Die Entscheidung fällt in der nächsten Woche“, sagte ein Sprecher.",
        ]),
        vec![named("Max Held"), named("Sprecher")]
    );
}
