//! Quoted fragments in the author's sentence and the clause shapes that name their
//! speaker: long fragments, quotes joined by "und", judging words in a passive, "für X
//! war", relative clauses, appositions, a clause with no subject of its own, and a
//! sentence break after a number. Made-up sentences only.

mod common;

use common::article;
use kiosk::extract::quotes::extract;
use kiosk::model::Quote;

fn quotes(paragraphs: &[&str]) -> Vec<Quote> {
    extract(&article(paragraphs)).0
}

fn texts(paragraphs: &[&str]) -> Vec<String> {
    quotes(paragraphs).into_iter().map(|q| q.text).collect()
}

fn speakers(paragraphs: &[&str]) -> Vec<Option<String>> {
    quotes(paragraphs).into_iter().map(|q| q.speaker).collect()
}

fn named(name: &str) -> Option<String> {
    Some(name.to_string())
}

#[test]
fn a_long_fragment_is_quoted_words_even_without_a_cue() {
    assert_eq!(
        texts(&["Die Reform solle „bis zum Ende des kommenden Jahres“ umgesetzt sein."]),
        vec!["bis zum Ende des kommenden Jahres"]
    );
    // a short one with no one around stays a term
    assert!(texts(&["Die Reform solle „zügig“ kommen."]).is_empty());
}

#[test]
fn a_quote_joined_to_speech_is_speech_of_the_same_speaker() {
    let found = quotes(&[
        "Die Agentur Nordpress beschrieb die Teilnehmer als „laut“ und „unberechenbar“ gegenüber der Polizei.",
    ]);
    let texts: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, vec!["laut", "unberechenbar"]);
    assert_eq!(found[0].speaker, found[1].speaker);
}

#[test]
fn a_judging_word_in_a_passive_is_someone_s_words() {
    assert_eq!(
        texts(&["Die Vorkehrungen wurden in einem Bericht als „übertrieben“ bezeichnet."]),
        vec!["übertrieben"]
    );
    // a capitalised name given in the passive is a name, not words
    assert!(texts(&["Der Komet wird als „Wanderer“ bezeichnet."]).is_empty());
}

#[test]
fn a_label_verb_after_und_is_not_made_reflexive_by_the_clause_before() {
    assert_eq!(
        speakers(&[
            "Rita Sommer hat sich vor Ort informiert und sprach von einer „vollständigen Verwüstung“."
        ]),
        vec![named("Rita Sommer")]
    );
}

#[test]
fn an_unknown_name_right_before_its_verb_serves_the_verb_after_und() {
    assert_eq!(
        speakers(&[
            "Borkowitz hat die Lage geprüft und sprach von einem „schweren Rückschlag für alle“."
        ]),
        vec![named("Borkowitz")]
    );
}

#[test]
fn the_antecedent_of_a_relative_clause_speaks() {
    assert_eq!(
        speakers(&[
            "Der Vorsitzende des Verbands, der den Beschluss als „Fehler“ bezeichnete, trat zurück."
        ]),
        vec![named("Vorsitzende des Verbands")]
    );
}

#[test]
fn fuer_a_person_next_to_sein_gives_an_opinion() {
    assert_eq!(
        speakers(&[
            "Die Kritik war laut, und für Trainerin Eva Lang war das Spiel „ein Abend ohne jede Ordnung“."
        ]),
        vec![named("Eva Lang")]
    );
    // after a comma "für" opens the reported words, the speaker is the one before
    assert_eq!(
        speakers(&[
            "Der Sprecher Jan Koch erklärte, für den Minister sei entscheidend, „ob er die Mehrheit hinter sich hat“."
        ]),
        vec![named("Jan Koch")]
    );
}

#[test]
fn a_clause_with_no_subject_after_a_comma_takes_the_sentence_subject() {
    assert_eq!(
        speakers(&[
            "Paul Brenner, ein Abgeordneter aus Kassel, wollte sich nicht festlegen, sagte aber, die Partei müsse „auf die Wähler hören und ihre Fehler erkennen“."
        ]),
        vec![named("Paul Brenner")]
    );
}

#[test]
fn a_relative_clause_after_an_apposition_does_not_hide_the_subject() {
    assert_eq!(
        speakers(&[
            "Anna Berger, die Ministerin des Landes, die zurzeit den Vorsitz hat, sagte am Ende: „Wir hatten gute Gespräche.“"
        ]),
        vec![named("Anna Berger")]
    );
}

#[test]
fn a_speaker_with_a_sentence_in_brackets_beats_an_earlier_cue() {
    assert_eq!(
        speakers(&[
            "Viele gratulierten, so der Präsident Jan Koch, die Forscherin Eva Lang („Niemand hat das mehr verdient.“) und andere."
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn a_number_before_an_article_ends_the_sentence() {
    assert_eq!(
        speakers(&[
            "Der Streik trifft die Auslieferung des Modells 3. Ein Sprecher der Firma teilte mit: „Alle werden fair bezahlt.“"
        ]),
        vec![named("Sprecher der Firma")]
    );
}

#[test]
fn a_role_word_the_lists_do_not_know_stays_out_of_the_name() {
    assert_eq!(
        speakers(&["„Das war ein schwaches Spiel“, sagte Schiedsrichter Knut Weller."]),
        vec![named("Knut Weller")]
    );
}

#[test]
fn a_passive_after_the_quote_names_who_is_quoted() {
    assert_eq!(
        speakers(&["„Wir helfen, wo wir können“, wird Koch in der Zeitung zitiert."]),
        vec![named("Koch")]
    );
    assert_eq!(
        speakers(&[
            "Dazu wird Brenner auf der Seite von Kickers Offenbach wie folgt zitiert: „Wir haben schwere Jahre vor uns.“"
        ]),
        vec![named("Brenner")]
    );
}

#[test]
fn a_source_named_before_a_verb_with_no_speaker_of_its_own() {
    assert_eq!(
        speakers(&[
            "Für Senatorin Eva Lang (SPD) hält die Anstellung der Lehrerin als „gelungenes Beispiel für gute Arbeit“."
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn the_verb_after_und_takes_the_subject_after_the_first_verb() {
    assert_eq!(
        speakers(&[
            "In seiner Rede befand der Minister Jan Koch den Einsatz als richtig und nannte ihn „schnell und entschieden“."
        ]),
        vec![named("Jan Koch")]
    );
}

#[test]
fn a_long_subject_closed_by_a_comma_before_its_verb() {
    assert_eq!(
        speakers(&[
            "Der frühere Bürgermeister und Senator, Henning Brandt (SPD), warnte die Partei vor einem „billigen Wahlkampf“."
        ]),
        vec![named("Henning Brandt")]
    );
}

#[test]
fn a_quote_claimed_by_the_sentence_after_it() {
    assert_eq!(
        speakers(&[
            "„Ja, es gibt Zumutungen“. Das musste Ministerin Eva Lang am Montag einräumen."
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn a_fragment_in_a_sentence_about_one_person() {
    assert_eq!(
        speakers(&[
            "„Wir prüfen alles“, sagte Jan Koch.",
            "Auch die Sprecherin der Fraktion, Eva Lang, will „in den kommenden Wochen alles genau prüfen“.",
        ]),
        vec![named("Jan Koch"), named("Eva Lang")]
    );
}

#[test]
fn a_subject_after_a_conjunction_that_opens_the_clause() {
    assert_eq!(
        speakers(&[
            "Der Bericht ist brisant, weil die Regierung Georgien zuvor als „junge mutige Demokratie“ bezeichnet hat."
        ]),
        vec![named("Regierung")]
    );
}

#[test]
fn a_verb_with_its_particle_klar() {
    assert_eq!(
        speakers(&[
            "Das Gericht machte klar, dass „die meisten Zeugen keine Interviews gegeben haben“."
        ]),
        vec![named("Gericht")]
    );
}

#[test]
fn a_subject_far_from_a_verb_that_ends_its_clause_with_an_auxiliary() {
    assert_eq!(
        speakers(&[
            "Die Marke fiel, die Paul Brenner in seiner ersten Amtszeit (1998 bis 2002) zum eigenen Ziel erklärt hatte: „Wir schaffen das bis zum Ende der Amtszeit.“"
        ]),
        vec![named("Paul Brenner")]
    );
}

#[test]
fn a_quoted_sentence_after_a_sentence_about_someone_else_is_theirs() {
    assert_eq!(
        speakers(&[
            "„Es war eine schwere Entscheidung“, sagte der Präsident. Der Bruder des Präsidenten, Georg Brenner, war seit langem eingeweiht. „Er wünscht sich mehr Ruhe.“"
        ]),
        vec![named("Präsident"), named("Georg Brenner")]
    );
}

#[test]
fn a_phrase_after_a_possessive_in_the_genitive_is_no_speaker_before_a_colon() {
    assert_eq!(
        speakers(&[
            "Die Kommissarin Eva Lang bekräftigte den Kurs der Kommission.",
            "Die Pflichten der Union und ihrer Mitgliedsstaaten seien klar festgelegt: „Daraus folgt, dass nationales Recht nicht widersprechen darf.“",
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn the_sure_subject_after_an_auxiliary_beats_a_run_together_heading() {
    assert_eq!(
        speakers(&[
            "Engagement der Stadt Bereits im Dezember hatte Bürgermeisterin Eva Lang in einer Rede verkündet: „Wir wollen die Spiele ausrichten.“"
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn a_title_noun_before_als_is_what_is_labelled_not_a_title() {
    assert_eq!(
        speakers(&["Das Ministerium rechtfertigte die umstrittene Aktion als „defensiver Natur“."]),
        vec![named("Ministerium")]
    );
}

#[test]
fn a_lowercase_quote_before_a_verb_is_no_name_that_speaks() {
    assert_eq!(
        texts(&["Von „absichtlicher Täuschung“ sprechen Medienberichte heute."]),
        vec!["absichtlicher Täuschung"]
    );
    assert_eq!(
        speakers(&[
            "Jan Koch, Präsident des Verbands, nannte die Bewerbung „sehr respektabel“ stellte aber fest, dass noch viel fehle."
        ]),
        vec![named("Jan Koch")]
    );
}

#[test]
fn the_agent_of_a_passive_is_the_von_phrase_nearest_the_verb() {
    assert_eq!(
        speakers(&[
            "Im Norden wird die Gefahr von Waldbränden vom Deutschen Wetterdienst als „sehr hoch“ eingestuft."
        ]),
        vec![named("Deutschen Wetterdienst")]
    );
}

#[test]
fn the_subject_of_a_clause_opening_with_als_is_not_whom_the_quote_is_from() {
    assert_eq!(
        speakers(&[
            "„Das war ein Fehler“, sagte Paul Brenner.",
            "Als Jan Koch, ein Reporter der Zeitung, Brenner darauf ansprach, reagierte er unwirsch. „Hört auf, meine Worte zu verdrehen.“",
        ]),
        vec![named("Paul Brenner"), named("Paul Brenner")]
    );
}

#[test]
fn a_decimal_comma_does_not_split_the_clause() {
    assert_eq!(
        texts(&["Der Vorstand bezeichnet den Anteil von 5,57 Prozent als „strategisch“."]),
        vec!["strategisch"]
    );
}

#[test]
fn an_agent_noun_the_lists_lack_may_speak() {
    assert_eq!(
        speakers(&["Der Randalierer biss einen Helfer und rief: „Lasst mich sofort raus!“"]),
        vec![named("Randalierer")]
    );
    assert_eq!(
        speakers(&[
            "Ein Übertrittswilliger begründete seine Entscheidung so: „Ich will frei glauben.“"
        ]),
        vec![named("Übertrittswilliger")]
    );
}

#[test]
fn who_passed_words_on_is_not_who_said_them() {
    assert_eq!(
        speakers(&[
            "In der Fraktion sagte die Ministerin Eva Lang einigen Teilnehmern zufolge: „Er war ein Stabilisator.“"
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn hatte_es_geheissen_names_the_author_of_a_statement() {
    assert_eq!(
        speakers(&[
            "In einer Erklärung der Außenminister vom Dienstagabend hatte es geheißen: „Es gibt keine militärische Lösung.“"
        ]),
        vec![named("Außenminister")]
    );
}

#[test]
fn in_reported_speech_the_subject_is_part_of_what_was_said() {
    assert_eq!(
        speakers(&[
            "„Wir warten auf Erklärungen“, erklärte der Verbandschef Paul Brenner.",
            "Am Rande der Sitzung nahm auch Ministerpräsident Jan Koch zu der Frage Stellung. Jeder Lehrer könne „das Konto jetzt einlösen oder es später einlösen“.",
        ]),
        vec![named("Paul Brenner"), named("Jan Koch")]
    );
}

#[test]
fn nach_der_ankuendigung_names_who_announced() {
    assert_eq!(
        speakers(&[
            "Nach der Ankündigung der Ministerin Eva Lang soll die Rückzahlung im „Regelfall um vier Jahre verschoben“ werden."
        ]),
        vec![named("Eva Lang")]
    );
}

#[test]
fn a_given_name_after_a_board_word_makes_it_a_role() {
    assert_eq!(
        speakers(&["„Der Markt wächst“, so VW-Finanzvorstand Hans Dieter Brenner."]),
        vec![named("Hans Dieter Brenner")]
    );
}

#[test]
fn a_name_particle_joins_after_given_names_only() {
    assert_eq!(
        speakers(&[
            "„Wir bleiben dabei“, sagte Ursula von der Leyen.",
            "„Das ist falsch“, sagte Renate Künast von den Grünen.",
            "„Das reicht nicht“, so Marktanalyst Robert Halver von der Baader Bank.",
        ]),
        vec![
            named("Ursula von der Leyen"),
            named("Renate Künast"),
            named("Robert Halver")
        ]
    );
}

#[test]
fn a_phrase_of_circumstance_is_no_part_of_a_body_s_name() {
    assert_eq!(
        speakers(&[
            "Das Gericht im Zusammenhang mit dem Verfahren erklärte: „Die Frist ist verstrichen.“"
        ]),
        vec![named("Gericht")]
    );
    assert_eq!(
        speakers(&["„Wir prüfen das“, sagte der Sprecher in Berlin."]),
        vec![named("Sprecher in Berlin")]
    );
}

#[test]
fn a_named_person_right_before_the_verb_after_a_long_adjective_phrase() {
    assert_eq!(
        speakers(&[
            "Die Menge skandierte Parolen und der sich gern als Gegner inszenierende Unternehmer Paul Brenner rief aus: „Er ist der schlechteste Kanzler aller Zeiten!“"
        ]),
        vec![named("Paul Brenner")]
    );
}

/// An apposition whose closing comma is missing ends before the speech verb.
#[test]
fn an_apposition_without_its_closing_comma_ends_at_the_verb() {
    let (_, speakers) = extract(&article(&[
        "Lena Vogt, eine Meeresbiologin vom Institut Nordsee erklärte, der Bericht sei „ein Weckruf für alle Küstenländer Europas“.",
    ]));
    let roles: Vec<_> = speakers
        .iter()
        .map(|s| (s.name.as_str(), s.role.as_deref()))
        .collect();
    assert_eq!(
        roles,
        [(
            "Lena Vogt",
            Some("eine Meeresbiologin vom Institut Nordsee")
        )]
    );
}

/// "Einer der …" is one of a group, someone new: not the person named before.
#[test]
fn one_of_a_group_speaks_for_themselves() {
    assert_eq!(
        speakers(&[
            "Einsatzleiter Tom Berger bestätigte den Brand. Einer der zwölf beteiligten Helfer sagte: „So etwas habe ich in dreißig Jahren nicht erlebt.“"
        ]),
        vec![named("zwölf beteiligten Helfer")]
    );
    assert_eq!(
        speakers(&[
            "Die Polizei löste die Kundgebung auf. Eine der Organisatorinnen sagte: „Wir kommen nächste Woche wieder.“"
        ]),
        vec![named("Organisatorinnen")]
    );
}

/// A quoted sentence needs no comma before "so X".
#[test]
fn so_after_a_quoted_sentence_needs_no_comma() {
    assert_eq!(
        speakers(&[
            "Der Vertrag wurde gekündigt. „Kritische Fragen sind dann wohl zu lästig.“ so das Fazit der Betreiber des Portals."
        ]),
        vec![named("Betreiber des Portals")]
    );
}

/// A separable particle closes the sentence past an apposition ("nahm …, X, … Stellung"),
/// and the speaker it names goes on in the reported speech after it.
#[test]
fn a_particle_at_the_end_of_the_sentence_completes_the_verb() {
    assert_eq!(
        speakers(&[
            "„Wir brauchen Klarheit“, erklärte die Verbandschefin Ilse Kramer. Später nahm auch der Bürgermeister der Stadt, Jonas Feld (SPD), zu der Frage Stellung. Jeder Bürger könne „den Antrag jetzt stellen oder im nächsten Jahr“."
        ]),
        vec![named("Ilse Kramer"), named("Jonas Feld")]
    );
}

/// A person's age between commas stands between the name and the verb.
#[test]
fn an_age_between_name_and_verb() {
    assert_eq!(
        speakers(&[
            "Die Behörden hatten gewarnt. Die den Sturm überlebende Anna Lind, 34, schilderte im Krankenhaus den Abend: „Das Wasser kam in wenigen Minuten bis zum Dach.“"
        ]),
        vec![named("Anna Lind")]
    );
}

/// "„…?“, wollte X wissen": asking is speech.
#[test]
fn wanting_to_know_asks() {
    assert_eq!(
        speakers(&["„Wann fährt der nächste Zug?“, wollte der Fahrgast Timo Brandt wissen."]),
        vec![named("Timo Brandt")]
    );
}

/// After "zitiert" the one cited speaks, not the paper that cites them.
#[test]
fn the_one_cited_is_the_speaker_not_the_paper() {
    assert_eq!(
        speakers(&[
            "„Das wird unser bestes Jahr“, zitiert die „Wirtschaftswoche“ Berger in einem Bericht."
        ]),
        vec![named("Berger")]
    );
    assert_eq!(
        speakers(&["„Das wird unser bestes Jahr“, zitiert das Blatt den Firmenchef Ole Berger."]),
        vec![named("Ole Berger")]
    );
    assert_eq!(
        speakers(&[
            "Ole Berger ist zufrieden. „Das wird unser bestes Jahr“, zitiert ihn die Zeitung."
        ]),
        vec![named("Ole Berger")]
    );
    assert_eq!(
        speakers(&["„Das wird unser bestes Jahr“, zitiert die Zeitung."]),
        vec![named("Zeitung")]
    );
}

/// "… war Mierscheid optimistisch und sagte": a surname right after the first verb is the
/// subject the verb after "und" goes on with.
#[test]
fn a_surname_after_the_first_verb_goes_on_after_und() {
    assert_eq!(
        speakers(&[
            "Die Umfragen waren schlecht. Noch kurz vor der Wahl war Brenner optimistisch und sagte in einem Interview: „Wir werden die Wahl gewinnen, da bin ich sicher.“"
        ]),
        vec![named("Brenner")]
    );
}

/// A party in brackets between a name and its verb, after words that are no subject.
#[test]
fn a_party_in_brackets_before_the_verb() {
    assert_eq!(
        speakers(&[
            "Die geplante Reform des Schulgesetzes Kultusministerin Petra Lange (SPD) sagte dazu, es werde „ein modernes und gerechtes Gesetz“."
        ]),
        vec![named("Petra Lange")]
    );
}

/// A comma between an article and its noun ("das derzeitige, aus … abgeleitete System")
/// does not end the clause whose verb puts the fragment in reported speech.
#[test]
fn a_comma_inside_a_phrase_keeps_the_fragment_in_reported_speech() {
    assert_eq!(
        speakers(&[
            "Jan Koch sagte, der Verzicht sei keine leichte Entscheidung gewesen. Allerdings sei das derzeitige, aus der Reform abgeleitete System „kaputt“, denn es könne umgangen werden.",
        ]),
        vec![named("Jan Koch")]
    );
}
