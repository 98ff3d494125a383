//! Entry point. In the browser it mounts the app; a native build only prints where to look.

#[cfg(target_arch = "wasm32")]
fn main() {
    mlops_governance_workbench::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("This is a web app: build it with `trunk build --release` (see README.md).");
}
