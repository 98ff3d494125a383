//! Calls across a split point (the `split` feature, the release build): the one place that
//! knows a split function is awaited there and a plain function without the feature
//! (`trunk serve`, the wasm tests).

/// Calls a split function: awaited with the `split` feature, since its code may have to be
/// fetched first, a plain call without.
macro_rules! call_split {
    ($function:ident($($argument:expr),* $(,)?)) => {{
        #[cfg(feature = "split")]
        let result = $function($($argument),*).await;
        #[cfg(not(feature = "split"))]
        let result = $function($($argument),*);
        result
    }};
}

pub(crate) use call_split;
