//! What the HTTP surface reads of a DPoP request (RFC 9449): every `DPoP` header value, the
//! method and the path, for `service::oauth::dpop` to check; the token endpoint, userinfo and the
//! JSON API's token schemes all read them here.

use poem::Request;

use crate::service::oauth::dpop::ProofInput;

/// The request's proofs (every `DPoP` header: more than one is refused), method and path.
pub fn proof_input(req: &Request) -> ProofInput {
    ProofInput {
        proofs: req
            .headers()
            .get_all("dpop")
            .iter()
            .map(|v| v.to_str().unwrap_or_default().to_owned())
            .collect(),
        method: req.method().as_str().to_owned(),
        path: req.uri().path().to_owned(),
    }
}
