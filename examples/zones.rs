//! Debug aid: prints the role of every line of a text article.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        return eprintln!("usage: zones FILE");
    };
    let raw = std::fs::read_to_string(&path).unwrap_or_default();
    let text = kiosk::load::clean::normalize(&raw);
    let lines = kiosk::load::blocks::lines(&text, false);
    let page = kiosk::load::structure::classify(lines);
    for (l, z) in page.lines.iter().zip(&page.zones) {
        println!("{:?}\t{}", z, l.text.chars().take(100).collect::<String>());
    }
    let a = kiosk::load::text::parse("x", &path, &raw);
    println!("{:?}", a.map(|a| (a.title, a.title_inferred)));
}
