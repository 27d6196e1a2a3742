//! What outcry knows before anyone types: recipients (built in, imported, the user's own),
//! letter templates, the sender's profile with their mail settings, and the bills imported
//! from congress.gov bill-status files ([`bills`]: who sponsored and cosponsored what).
//!
//! Loading, validating (every problem with `file:line`) and storing these lives here; nothing
//! here composes a letter, prompts or sends. Layers inside, lowest first: [`recipients`], then
//! [`import`] and [`templates`], then [`profile`]. May import: [`crate::error`],
//! [`crate::support`], [`crate::questions`] (templates only), [`crate::conventions`]
//! (templates only).

pub mod bills;
pub mod campaign;
pub mod import;
pub mod profile;
pub mod recipients;
pub mod templates;
