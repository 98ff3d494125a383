//! What a command found, printed as text for people or JSON for machines, and its exit code.

use crate::args::Format;

/// One file, or one condition, and what was found about it.
pub struct Item {
    pub subject: String,
    pub ok: bool,
    /// Problems when not ok; otherwise what was found (e.g. "approved for production").
    pub messages: Vec<String>,
}

#[derive(Default)]
pub struct Report {
    pub items: Vec<Item>,
    /// A file could not be read at all: exit 2, like a bad command line.
    pub unusable: bool,
}

impl Report {
    pub fn push(&mut self, subject: impl Into<String>, ok: bool, messages: Vec<String>) {
        self.items.push(Item {
            subject: subject.into(),
            ok,
            messages,
        });
    }

    pub fn exit_code(&self) -> u8 {
        if self.unusable {
            2
        } else if self.items.iter().all(|i| i.ok) {
            0
        } else {
            1
        }
    }

    pub fn print(&self, format: Format) {
        match format {
            Format::Text => print!("{}", self.text()),
            Format::Json => println!("{}", self.json()),
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        for item in &self.items {
            let verdict = if item.ok { "ok  " } else { "FAIL" };
            out.push_str(&format!("{verdict} {}\n", item.subject));
            for message in &item.messages {
                out.push_str(&format!("     {message}\n"));
            }
        }
        let failed = self.items.iter().filter(|i| !i.ok).count();
        out.push_str(&format!(
            "summary: {} ok, {failed} failing\n",
            self.items.len() - failed
        ));
        out
    }

    fn json(&self) -> String {
        let items: Vec<serde_json::Value> = self
            .items
            .iter()
            .map(|i| {
                serde_json::json!({
                    "subject": i.subject,
                    "ok": i.ok,
                    "messages": i.messages,
                })
            })
            .collect();
        serde_json::json!({ "ok": self.exit_code() == 0, "results": items }).to_string()
    }
}
