//! Takes the sign-in example of sdk/rust/README.md (the code block after
//! `<!-- example: authorization_code.rs -->`) into `$OUT_DIR/authorization_code.rs`, so the
//! e2e runs the README's code as written.

use std::path::Path;

const README: &str = "../../../sdk/rust/README.md";
const MARKER: &str = "<!-- example: authorization_code.rs -->";

fn main() {
    println!("cargo::rerun-if-changed={README}");
    let text = std::fs::read_to_string(README).expect("sdk/rust/README.md");
    let after = text
        .split_once(MARKER)
        .unwrap_or_else(|| panic!("no {MARKER} in {README}"))
        .1;
    let block = after
        .split_once("```rust\n")
        .and_then(|(_, rest)| rest.split_once("\n```"))
        .unwrap_or_else(|| panic!("no ```rust block after {MARKER}"))
        .0;
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("authorization_code.rs");
    std::fs::write(out, format!("{block}\n")).unwrap();
}
