//! Shows how the quote rules read one paragraph: each quote's shape and the attribution
//! found for it. A tool for working on the rules, not part of kiosk.
//!
//!     cargo run --example quote-explain -- 'Key sprach von einer „vollständigen Zerstörung“.'

use kiosk::extract::quotes::attribution;
use kiosk::extract::quotes::shape;
use kiosk::extract::quotes::text::{Kind, Para};

fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let para = Para::new(&text, false);
    for (q, token) in para.tokens.iter().enumerate() {
        if !matches!(token.kind, Kind::Quote(_)) {
            continue;
        }
        println!("quote {}", &text[token.start..token.end]);
        println!("  {:?}", shape::of(&para, q));
        match attribution::of_quote(&para, q) {
            Some(a) => {
                let speaker = a.speaker.map(|np| {
                    let core = &para.tokens[np.core.start..np.core.end];
                    let words = core.first().zip(core.last());
                    let name = words.map_or("", |(a, b)| &text[a.start..b.end]);
                    format!("{name} ({:?})", np.kind)
                });
                println!(
                    "  cue {:?} class {:?} tight {} speaker {:?}",
                    a.cue, a.class, a.tight, speaker
                );
            }
            None => println!("  no attribution"),
        }
    }
}
