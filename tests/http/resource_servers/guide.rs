//! The README's "Protecting your own API": `verify_access_token` below is the example the guide
//! prints, run here against tokens this server issued, on both stores. A token passes only with
//! a key of the published JWKS, this issuer, an unexpired `exp` and the API's identifier in
//! `aud`; a token for another audience or with a changed payload is refused.

use crate::helpers::oauth::*;
use crate::helpers::Backend;
use oauth2::{AuthorizationCode, RedirectUrl, TokenResponse};
use serde_json::Value;

// --8<-- [start:verify]
use base64::{engine::general_purpose::URL_SAFE_NO_PAD as B64, Engine};
use ring::signature::{UnparsedPublicKey, VerificationAlgorithm as Alg};
use ring::signature::{ECDSA_P256_SHA256_FIXED, ED25519};

/// Checks an access token (RFC 9068) sent to the API `audience`: signed by a key of `jwks`
/// (GET {issuer}/oauth2/jwks, cached; refetch on an unknown `kid`), issued by `issuer`,
/// unexpired at `now` (Unix seconds) and meant for `audience`. Returns its claims.
pub fn verify_access_token(
    token: &str,
    jwks: &Value,
    issuer: &str,
    audience: &str,
    now: i64,
) -> Result<Value, String> {
    let part = |s: &str| B64.decode(s).map_err(|_| "malformed token".to_string());
    let json = |b: Vec<u8>| serde_json::from_slice::<Value>(&b).map_err(|e| e.to_string());
    let [head, body, sig] = token.split('.').collect::<Vec<_>>()[..] else {
        return Err("not a JWT".into());
    };
    let header = json(part(head)?)?;
    if header["typ"] != "at+jwt" {
        return Err("not an access token".into());
    }
    let keys = jwks["keys"].as_array().ok_or("no keys")?;
    let key = keys
        .iter()
        .find(|k| k["kid"] == header["kid"])
        .ok_or("unknown kid")?;
    let coordinate = |name: &str| part(key[name].as_str().unwrap_or_default());
    let (alg, public): (&'static dyn Alg, _) = match (key["alg"].as_str(), header["alg"].as_str()) {
        (Some("ES256"), Some("ES256")) => {
            let point = [vec![4], coordinate("x")?, coordinate("y")?].concat();
            (&ECDSA_P256_SHA256_FIXED, point)
        }
        (Some("EdDSA"), Some("EdDSA")) => (&ED25519, coordinate("x")?),
        _ => return Err("unexpected algorithm".into()),
    };
    let signed = format!("{head}.{body}");
    UnparsedPublicKey::new(alg, public)
        .verify(signed.as_bytes(), &part(sig)?)
        .map_err(|_| "bad signature")?;
    let claims = json(part(body)?)?;
    let aud_ok = claims["aud"] == audience
        || claims["aud"]
            .as_array()
            .is_some_and(|a| a.iter().any(|v| v == audience));
    match () {
        _ if claims["iss"] != issuer => Err("another issuer".into()),
        _ if claims["exp"].as_i64().is_none_or(|exp| exp <= now) => Err("expired".into()),
        _ if !aud_ok => Err("not meant for this API".into()),
        _ => Ok(claims),
    }
}
// --8<-- [end:verify]

async fn the_guides_verification_accepts_our_token_for_its_audience_only(backend: Backend) {
    let w = world(backend).await;
    let (code, verifier) = code_for(&w, &w.web, "profile", None).await;
    let tokens = oauth2_client(&w.app, &w.web)
        .set_redirect_uri(RedirectUrl::new(REDIRECT_URI.into()).unwrap())
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request_async(&http())
        .await
        .unwrap();
    let token = tokens.access_token().secret();
    let jwks: Value = w.app.get("/oauth2/jwks").await.json().await.unwrap();
    let issuer = w.app.address.as_str();
    let now = chrono::Utc::now().timestamp();

    let claims = verify_access_token(token, &jwks, issuer, issuer, now).unwrap();
    assert_eq!(claims["sub"], w.user.id.as_str());
    assert_eq!(claims["scope"], "profile");
    let refusals = [
        verify_access_token(token, &jwks, issuer, "https://orders.example", now),
        verify_access_token(token, &jwks, "https://other.example", issuer, now),
        verify_access_token(token, &jwks, issuer, issuer, now + 86_400),
        verify_access_token(token, &serde_json::json!({"keys": []}), issuer, issuer, now),
    ];
    let reasons: Vec<String> = refusals.into_iter().map(|r| r.unwrap_err()).collect();
    assert_eq!(
        reasons,
        [
            "not meant for this API",
            "another issuer",
            "expired",
            "unknown kid"
        ]
    );
    // A payload changed after signing (another subject) no longer verifies.
    let [head, _, sig] = token.split('.').collect::<Vec<_>>()[..] else {
        panic!("not a JWT")
    };
    let forged_body = B64.encode(serde_json::to_vec(&serde_json::json!({"sub": "x"})).unwrap());
    let forged = format!("{head}.{forged_body}.{sig}");
    let refused = verify_access_token(&forged, &jwks, issuer, issuer, now);
    assert_eq!(refused.unwrap_err(), "bad signature");
    w.app.stop().await;
}

on_both_stores!(the_guides_verification_accepts_our_token_for_its_audience_only);
