//! The traps of country matching, each in both directions (found where it names the
//! country, not found where it does not), in German and English.

use kiosk::extract::countries::{self, CountryCode};

/// The mentions of `text` as (matched text, code).
fn found(text: &str) -> Vec<(&str, String)> {
    countries::find(text)
        .into_iter()
        .map(|m| (&text[m.start..m.end], m.code.as_str().to_string()))
        .collect()
}

/// The codes of `text`'s mentions, in order.
fn codes(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(_, c)| c).collect()
}

fn assert_codes(text: &str, want: &[&str]) {
    assert_eq!(codes(text), want, "in {text:?}: {:?}", found(text));
}

#[test]
fn mali_is_not_malibu() {
    assert_codes("Die Bundeswehr zieht aus Mali ab.", &["ML"]);
    assert_codes("Troops left Mali in 2023.", &["ML"]);
    assert_codes("Sie wohnt in Malibu am Strand.", &[]);
    assert_codes("A villa in Malibu burned down.", &[]);
}

#[test]
fn oman_is_not_in_romane() {
    assert_codes(
        "Der Sultan von Oman reist nach Maskat zurück.",
        &["OM", "OM"],
    );
    assert_codes("Oman's ruler met the envoy.", &["OM"]);
    assert_codes("Sie schreibt Romane und Gedichte.", &[]);
    assert_codes("Roman ruins and romance novels.", &[]);
}

#[test]
fn iran_is_not_irantzu() {
    assert_codes("Der Iran droht mit Vergeltung.", &["IR"]);
    assert_codes("Iran's foreign minister spoke.", &["IR"]);
    assert_codes("Die Journalistin Irantzu Varela sprach.", &[]);
    assert_codes("Irantzu Varela is a journalist.", &[]);
}

#[test]
fn jordan_the_person_is_no_country() {
    assert_codes("Michael Jordan gewann sechs Titel.", &[]);
    assert_codes("Jordan Bardella führt die Liste an.", &[]);
    assert_codes("Der Fluss: Sie gingen über den Jordan.", &[]);
    assert_codes("Michael Jordan scored 40 points.", &[]);
    assert_codes(
        "König Abdullah von Jordanien empfing die Jordanier.",
        &["JO", "JO"],
    );
    assert_codes(
        "King Abdullah of Jordan met Jordanian officials.",
        &["JO", "JO"],
    );
    assert_codes("Jordan's king visited Amman.", &["JO", "JO"]);
}

#[test]
fn georgia_the_us_state_is_no_country() {
    assert_codes("Atlanta, Georgia, is hot in summer.", &[]);
    assert_codes("Die Wahl im Bundesstaat Georgia war knapp.", &[]);
    assert_codes("Tbilisi is the capital of Georgia.", &["GE", "GE"]);
    assert_codes(
        "Georgien und die Georgier: Tiflis protestiert.",
        &["GE", "GE", "GE"],
    );
    assert_codes("Georgia Meloni spoke.", &[]);
}

#[test]
fn niger_is_not_nigeria() {
    assert_codes("Putsch in Niger, Wahlen in Nigeria.", &["NE", "NG"]);
    assert_codes(
        "Nigerias Präsident und die nigerianische Armee.",
        &["NG", "NG"],
    );
    assert_codes("Die nigrische Junta in Niamey.", &["NE", "NE"]);
    assert_codes("Niger and Nigeria share a border.", &["NE", "NG"]);
    assert_codes("Öl aus dem Niger-Delta.", &[]);
}

#[test]
fn the_guineas_are_four_countries() {
    assert_codes(
        "Guinea, Guinea-Bissau, Äquatorialguinea und Papua-Neuguinea.",
        &["GN", "GW", "GQ", "PG"],
    );
    assert_codes(
        "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea.",
        &["GN", "GW", "GQ", "PG"],
    );
    assert_codes("Piraten im Golf von Guinea.", &[]);
}

#[test]
fn sudan_is_not_south_sudan() {
    assert_codes("Flüchtlinge aus dem Sudan und dem Südsudan.", &["SD", "SS"]);
    assert_codes("Refugees from Sudan and South Sudan.", &["SD", "SS"]);
    assert_codes("Südsudans Hauptstadt Juba.", &["SS", "SS"]);
}

#[test]
fn the_two_congos_are_told_apart() {
    assert_codes(
        "Kämpfe im Osten der Demokratischen Republik Kongo.",
        &["CD"],
    );
    assert_codes("Im Kongo wird gekämpft.", &["CD"]);
    assert_codes(
        "Die Republik Kongo wählt. In Brazzaville und im ganzen Kongo blieb es ruhig.",
        &["CG", "CG", "CG"],
    );
    assert_codes("Kinshasa and Congo-Brazzaville.", &["CD", "CG"]);
}

#[test]
fn korea_alone_is_south_korea_unless_the_text_is_about_the_north() {
    assert_codes("Samsung aus Korea meldet Gewinne.", &["KR"]);
    assert_codes(
        "Nordkorea feuert Raketen, Südkorea protestiert.",
        &["KP", "KR"],
    );
    assert_codes(
        "Nordkorea testet Raketen; Korea bleibt geteilt.",
        &["KP", "KP"],
    );
    assert_codes("Spannungen auf der koreanischen Halbinsel.", &[]);
    assert_codes("North Korea and South Korea.", &["KP", "KR"]);
}

#[test]
fn deutsche_bank_is_a_german_bank() {
    assert_codes("Die Deutsche Bank meldet Verluste.", &["DE"]);
    assert_codes("Deutsche Bank reported a loss.", &["DE"]);
}

#[test]
fn chinese_in_english_and_german() {
    assert_codes("Chinese officials in Beijing said so.", &["CN", "CN"]);
    assert_codes(
        "Der Chinese und die Chinesin sprachen mit Chinesen.",
        &["CN", "CN", "CN"],
    );
    assert_codes("Indochinese refugees.", &[]);
}

#[test]
fn sentence_initial_adjectives_count_and_languages_do_not() {
    assert_codes("Deutsche Soldaten sind in Litauen.", &["DE", "LT"]);
    assert_codes(
        "Russische Truppen ziehen ab. Französische Diplomaten reisen.",
        &["RU", "FR"],
    );
    assert_codes("Sie spricht fließend Russisch und Englisch.", &[]);
    assert_codes("Der Deutsch-Kanadier lebt in Toronto.", &["DE", "CA"]);
}

#[test]
fn regions_seas_history_and_blocs_are_no_mentions() {
    assert_codes("Die Krim, der Donbass und Fernost.", &[]);
    assert_codes(
        "Manöver im Südchinesischen Meer und im südchinesischen Meer.",
        &[],
    );
    assert_codes("Tanker im Persischen Golf.", &[]);
    assert_codes("Die Sowjetunion und die sowjetische Armee.", &[]);
    assert_codes("Österreich-Ungarn und die DDR.", &[]);
    assert_codes("Das Heilige Römische Reich Deutscher Nation.", &[]);
    assert_codes("Heute: Österreich und Ungarn.", &["AT", "HU"]);
    assert_codes("Europa und der Westen stehen zusammen.", &[]);
    assert_codes("Das Putin-Regime und die Trump-Administration.", &[]);
    assert_codes("Tanker in the South China Sea.", &[]);
    assert_codes("Die Krim gehört zur Ukraine, sagt Kiew.", &["UA", "UA"]);
}

#[test]
fn hyphenated_compounds_count_every_country_they_name() {
    assert_codes("Der US-Präsident und der Irak-Krieg.", &["US", "IQ"]);
    assert_codes("Die deutsch-französische Freundschaft.", &["DE", "FR"]);
    assert_codes("Die US-Russland-Diplomatie stockt.", &["US", "RU"]);
    assert_codes("Eine US-amerikanische Firma.", &["US"]);
    assert_codes("Der Indien- und Sicherheitsexperte.", &["IN"]);
    assert_codes("Umsatz: 7 Mio US-Dollar.", &[]);
}

#[test]
fn closed_compounds_count_when_their_head_is_a_noun_of_the_kind() {
    assert_codes("Die Chinaforscherin und der Kremlchef.", &["CN", "RU"]);
    assert_codes(
        "Seine Russlandreise führte in die Ostukraine.",
        &["RU", "UA"],
    );
    assert_codes("Im Nordirak und in Süddeutschland.", &["IQ", "DE"]);
    assert_codes("Deutschlandsberg liegt in der Steiermark.", &[]);
    assert_codes(
        "Am Schwedenplatz trafen sich Katarzyna und Malinowski.",
        &[],
    );
    assert_codes("Die Indienststellung des Kreuzers.", &[]);
    assert_codes("Südamerika und Nordamerika.", &[]);
}

#[test]
fn names_inflect_and_demonyms_decline() {
    assert_codes("Russlands Armee, der Türkei, den USA.", &["RU", "TR", "US"]);
    assert_codes(
        "Die Vereinigten Staaten und den Niederlanden.",
        &["US", "NL"],
    );
    assert_codes(
        "Ein Russe, zwei Russen, eine Russin, viele Russinnen.",
        &["RU"; 4],
    );
    assert_codes(
        "Iraner, Iranerinnen, Israelis, Ukrainerin.",
        &["IR", "IR", "IL", "UA"],
    );
    assert_codes("Des Griechenlandes Verfassung.", &["GR"]);
}

#[test]
fn capitals_their_adjectives_and_metonyms_count() {
    assert_codes("Kiew, Kyjiw und Kyiv.", &["UA", "UA", "UA"]);
    assert_codes(
        "Peking, Beijing und der Pekinger Kurs.",
        &["CN", "CN", "CN"],
    );
    assert_codes("Die Moskauer Führung im Kreml.", &["RU", "RU"]);
    assert_codes(
        "Im Weißen Haus und im Élysée, in Downing Street.",
        &["US", "FR", "GB"],
    );
    assert_codes("The White House and the Kremlin.", &["US", "RU"]);
    assert_codes("TOKIO MELDET", &["JP"]);
}

#[test]
fn washington_the_person_is_no_capital() {
    assert_codes("George Washington war der erste Präsident.", &[]);
    assert_codes("In Washington wird verhandelt.", &["US"]);
    assert_codes("Eine Politikänderung Washingtons.", &["US"]);
}

#[test]
fn plural_poles_are_no_poles() {
    assert_codes(
        "Sie wollen unabhängige Pole in einer multipolaren Welt sein.",
        &[],
    );
    assert_codes("Der Pole Lewandowski spielt für Polen.", &["PL", "PL"]);
}

#[test]
fn offsets_are_bytes_on_char_boundaries() {
    let text = "Über Äquatorialguinea – und die Türkei.";
    let mentions = countries::find(text);
    assert_eq!(mentions.len(), 2);
    for m in &mentions {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
    assert_eq!(&text[mentions[1].start..mentions[1].end], "Türkei");
}

#[test]
fn odd_input_never_panics() {
    let inputs = [
        "",
        "\u{301}Iran\u{301}",
        "🇷🇺Russland🇷🇺",
        "Ost",
        "ost-",
        "Jordan",
        "Jordan ",
        " Jordan",
        "Nord\u{0}ukraine",
        "USA-",
        "-USA",
        "'s",
    ];
    for text in inputs {
        let mentions = countries::find(text);
        for m in mentions {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
    let long = "Russland und China. ".repeat(10_000);
    assert_eq!(countries::find(&long).len(), 20_000);
}

#[test]
fn queries_resolve_to_codes() {
    let code = |q| countries::resolve(q).map(|c: CountryCode| c.as_str().to_string());
    for (q, want) in [
        ("ru", "RU"),
        ("RU", "RU"),
        (" Russland ", "RU"),
        ("russia", "RU"),
        ("Türkei", "TR"),
        ("Tuerkei", "TR"),
        ("turkey", "TR"),
        ("USA", "US"),
        ("Vereinigte Staaten", "US"),
        ("uk", "GB"),
        ("Großbritannien", "GB"),
        ("xk", "XK"),
        ("Kosovo", "XK"),
        ("Taiwan", "TW"),
        ("Kongo", "CD"),
    ] {
        assert_eq!(code(q).as_deref(), Some(want), "{q}");
    }
    assert_eq!(code("xx"), None);
    assert_eq!(code("Narnia"), None);
    assert_eq!(code(""), None);
}

#[test]
fn names_by_code() {
    let ru = countries::resolve("RU").expect("RU");
    assert_eq!(countries::name_de(ru), "Russland");
    assert_eq!(countries::name_en(ru), "Russia");
    assert_eq!(countries::name_de(CountryCode(*b"US")), "USA");
    assert_eq!(countries::name_de(CountryCode(*b"GB")), "Großbritannien");
    assert_eq!(countries::name_de(CountryCode(*b"ZZ")), "");
}
