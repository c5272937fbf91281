//! The one error type of the API: what was wrong with the arguments.

use std::fmt;

/// What was wrong with the arguments, in words a course author can act on.
#[derive(Clone, Debug, PartialEq)]
pub struct ProblemError(pub String);

impl fmt::Display for ProblemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ProblemError {}
