//! The app's pages and their addresses.
//!
//! Pages live in the URL fragment (`#/assessments/…`). A static host never sees the fragment,
//! so every page can be reloaded or opened from a link on any plain file server, from any
//! sub-path, without a 404 fallback or a server rewrite rule.

/// One page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list of maturity assessments (the start page).
    Assessments,
    /// One assessment, by id.
    Assessment(String),
    /// The list of model cards.
    Cards,
    /// One model card, by id.
    Card(String),
    /// The history of one team's assessments, by team name.
    History(String),
    /// Several assessments side by side, by id.
    Compare(Vec<String>),
    /// The facilitator's view of a workshop's assessments.
    Workshop,
    /// An assessment shared by link: the link version and the encoded assessment.
    Shared(String, String),
    /// The list of checklists.
    Checklists,
    /// One checklist, by id.
    Checklist(String),
    /// The lesson's three ML team structures.
    Teams,
    /// Approval requests: the inbox, new requests, reviewer addresses.
    Approvals,
    /// One approval request, by id.
    Approval(String),
    /// A review package opened from a file, in any browser.
    Review,
    /// The security audits of one model card, by card id.
    Audits(String),
    /// What changed from one model card to another, by their ids (older, newer).
    CardChanges(String, String),
    /// The technical-debt register.
    Debt,
    /// Import, export, storage use and recovery.
    Data,
    /// An address that matches no page.
    NotFound(String),
}

impl Route {
    /// Reads a fragment such as `#/assessments/abc` (with or without the `#`).
    pub fn parse(fragment: &str) -> Route {
        let path = fragment.trim_start_matches('#').trim_start_matches('/');
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] | ["assessments"] => Route::Assessments,
            ["assessments", id] => Route::Assessment(decode(id)),
            ["cards"] => Route::Cards,
            ["cards", id] => Route::Card(decode(id)),
            ["history", team] => Route::History(decode(team)),
            ["compare", ids] => Route::Compare(ids.split(',').map(decode).collect()),
            ["workshop"] => Route::Workshop,
            ["shared", version, payload] => Route::Shared(decode(version), (*payload).to_owned()),
            ["checklists"] => Route::Checklists,
            ["checklists", id] => Route::Checklist(decode(id)),
            ["teams"] => Route::Teams,
            ["approvals"] => Route::Approvals,
            ["approvals", id] => Route::Approval(decode(id)),
            ["review"] => Route::Review,
            ["audits", card] => Route::Audits(decode(card)),
            ["card-changes", old, new] => Route::CardChanges(decode(old), decode(new)),
            ["data"] => Route::Data,
            ["debt"] => Route::Debt,
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The fragment for this page, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Assessments => "#/assessments".to_owned(),
            Route::Assessment(id) => format!("#/assessments/{}", encode(id)),
            Route::Cards => "#/cards".to_owned(),
            Route::Card(id) => format!("#/cards/{}", encode(id)),
            Route::History(team) => format!("#/history/{}", encode(team)),
            Route::Compare(ids) => format!(
                "#/compare/{}",
                ids.iter()
                    .map(|id| encode(id))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            Route::Workshop => "#/workshop".to_owned(),
            Route::Shared(version, payload) => format!("#/shared/{}/{payload}", encode(version)),
            Route::Checklists => "#/checklists".to_owned(),
            Route::Checklist(id) => format!("#/checklists/{}", encode(id)),
            Route::Teams => "#/teams".to_owned(),
            Route::Approvals => "#/approvals".to_owned(),
            Route::Approval(id) => format!("#/approvals/{}", encode(id)),
            Route::Review => "#/review".to_owned(),
            Route::Audits(card) => format!("#/audits/{}", encode(card)),
            Route::CardChanges(old, new) => {
                format!("#/card-changes/{}/{}", encode(old), encode(new))
            }
            Route::Data => "#/data".to_owned(),
            Route::Debt => "#/debt".to_owned(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}

/// Percent-encodes everything but unreserved characters, so any id is one path segment.
fn encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&b) = bytes.get(index) {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(value)) => {
                out.push(value);
                index += 3;
            }
            _ => {
                out.push(b);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
