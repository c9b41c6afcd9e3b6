//! Looking across claims once they are made: how far annotators agree.
pub mod agree;
