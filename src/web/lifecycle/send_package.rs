//! Sending a review package on: the file is downloaded, then the e-mail that names it is one
//! click away. A `mailto:` link cannot attach a file, so the e-mail says which file to attach.

use crate::core::lifecycle::approval::{
    ApprovalRequest, ApprovalStatus, ReviewerGroup, reviewer_address,
};
use crate::core::lifecycle::review::{ReviewPackage, package_file_name, package_mailto};
use crate::web::fields::TextField;
use crate::web::files::download;
use crate::web::storage::Store;
use leptos::prelude::*;

/// Who the package goes to next: the stage's reviewers while it is pending, else the requester
/// (when their name is an address; otherwise the author types one).
pub fn recipient(store: Store, request: &ApprovalRequest) -> String {
    match request.status() {
        ApprovalStatus::Pending => store
            .collection::<ReviewerGroup>()
            .with_untracked(|c| reviewer_address(&c.items, request.stage())),
        _ if request.requested_by().contains('@') => request.requested_by().to_owned(),
        _ => String::new(),
    }
}

/// The page's own address without its fragment, for the e-mail's "open it at" line.
fn app_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// "Send …": downloads the package, then offers the e-mail to the address in "E-mail to".
#[component]
pub fn SendPackage(
    /// The package as it is now; `None` when there is nothing to send.
    package: Signal<Option<ReviewPackage>>,
    /// The first value of "E-mail to": the stage's reviewers, or the requester.
    to: String,
    /// The button, e.g. "Send for review" or "Download the updated package".
    label: &'static str,
) -> impl IntoView {
    let to = RwSignal::new(to);
    let sent = RwSignal::new(None::<(String, String)>);
    let error = RwSignal::new(None::<String>);
    let send = move |_| {
        let Some(package) = package.get_untracked() else {
            return;
        };
        let file_name = package_file_name(&package.request);
        match download(&file_name, "application/json", &package.to_json()) {
            Ok(()) => {
                let mailto = package_mailto(
                    &package.request,
                    &to.get_untracked(),
                    &file_name,
                    &app_url(),
                );
                error.set(None);
                sent.set(Some((file_name, mailto)));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <div class="send-package no-print">
            <TextField id="send-to".into() label="E-mail to".into() max_length=500
                value=to on_input=Callback::new(move |v| { to.set(v); sent.set(None); }) />
            <button type="button" class="button primary" on:click=send>{label}</button>
            <p class="field-error" role="alert">{move || error.get()}</p>
            {move || sent.get().map(|(file_name, mailto)| view! {
                <p role="status">
                    "Downloaded " <strong>{file_name.clone()}</strong> ". An e-mail link cannot attach it: "
                    "attach the file yourself. "
                    <a class="button" href=mailto>"Write the e-mail to " {to.get_untracked()}</a>
                </p>
            })}
        </div>
    }
}
