//! Links that users attach as evidence. Only `http:`, `https:` and `mailto:` are allowed, so a
//! stored or imported link can never become a `javascript:` or `data:` URL in the page.

/// Why a link was refused; the UI shows [`LinkError::message`] next to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The scheme is missing or not one of the allowed ones.
    Scheme,
    /// Nothing after the scheme, or white space or control characters inside.
    Malformed,
    /// A `mailto:` link where only web links fit.
    NotWeb,
}

impl LinkError {
    pub fn message(&self) -> &'static str {
        match self {
            LinkError::Scheme => "Links must start with http://, https:// or mailto:.",
            LinkError::Malformed => "This link has spaces or nothing after its start.",
            LinkError::NotWeb => "Links here must start with http:// or https://.",
        }
    }
}

/// Checks a link. An empty string means "no link" and is valid.
pub fn validate_link(link: &str) -> Result<(), LinkError> {
    let link = link.trim();
    if link.is_empty() {
        return Ok(());
    }
    let lower = link.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme))
        .ok_or(LinkError::Scheme)?;
    if rest.is_empty() || rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LinkError::Malformed);
    }
    Ok(())
}

/// Checks a web link: like [`validate_link`], but `mailto:` is refused too.
pub fn validate_web_link(link: &str) -> Result<(), LinkError> {
    match validate_link(link) {
        Err(LinkError::Scheme) => Err(LinkError::NotWeb),
        Ok(()) if link.trim().to_ascii_lowercase().starts_with("mailto:") => Err(LinkError::NotWeb),
        other => other,
    }
}

/// The link to put in an `href`, or `None` when it is empty or not allowed.
pub fn safe_href(link: &str) -> Option<&str> {
    let trimmed = link.trim();
    (!trimmed.is_empty() && validate_link(trimmed).is_ok()).then_some(trimmed)
}
