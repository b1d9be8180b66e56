//! The request-body bound of the whole HTTP surface (pages, JSON API, OAuth endpoints). Every
//! form and JSON extractor buffers its body, so the bound is enforced here, before any of them
//! runs: a declared `Content-Length` over the limit is refused without reading, and a body
//! without one (chunked) is read chunk by chunk and refused as soon as it passes the limit, so
//! at most `limit` bytes plus one chunk are ever held. The body must also arrive within the
//! read timeout, so a client trickling bytes cannot hold a request open.
//!
//! A refusal is 413 in the one JSON error shape, or on the OAuth endpoints (`/oauth2/…`) RFC 6749
//! §5.2 400 `invalid_request` with `Cache-Control: no-store`. The unread rest of a refused body
//! is drained and discarded for a bounded time and size (as a lingering close does), so the
//! client reads the answer instead of a connection reset.

use std::time::Duration;

use futures_util::StreamExt;
use poem::http::{header, StatusCode};
use poem::{Body, Endpoint, IntoResponse, Request, Response};

use super::error::{oauth_invalid_request, ApiError};

/// How much of a refused body is read and thrown away at most, and for how long.
const DRAIN_MAX_BYTES: u64 = 16 * 1024 * 1024;
const DRAIN_MAX_TIME: Duration = Duration::from_secs(5);

/// The bounds applied to every request body.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimits {
    /// The largest body accepted, in bytes.
    pub max_bytes: usize,
    /// How long the whole body may take to arrive.
    pub read_timeout: Duration,
}

enum Refusal {
    TooLarge,
    TooSlow,
    Unreadable,
}

/// Middleware (`EndpointExt::around`): buffers the body within the limits, or refuses it.
pub async fn limit_body<E: Endpoint>(
    next: E,
    mut req: Request,
    limits: BodyLimits,
) -> poem::Result<Response> {
    let oauth = req.uri().path().starts_with("/oauth2/");
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let body = req.take_body();
    if declared.is_some_and(|n| n > limits.max_bytes as u64) {
        drain(body);
        return Ok(refusal(oauth, Refusal::TooLarge, limits.max_bytes));
    }
    let read = tokio::time::timeout(limits.read_timeout, read_bounded(body, limits.max_bytes));
    match read.await {
        Ok(Ok(bytes)) => {
            req.set_body(bytes);
            next.call(req).await.map(IntoResponse::into_response)
        }
        Ok(Err(why)) => Ok(refusal(oauth, why, limits.max_bytes)),
        Err(_elapsed) => Ok(refusal(oauth, Refusal::TooSlow, limits.max_bytes)),
    }
}

/// Reads the body until its end or until it passes `max` bytes.
async fn read_bounded(body: Body, max: usize) -> Result<Vec<u8>, Refusal> {
    let mut stream = body.into_bytes_stream();
    let mut buf = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| Refusal::Unreadable)?;
        if buf.len() + chunk.len() > max {
            drain(Body::from_bytes_stream(stream));
            return Err(Refusal::TooLarge);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}

/// Reads and discards what is left of a refused body, within [`DRAIN_MAX_BYTES`] and
/// [`DRAIN_MAX_TIME`], then drops it (which closes the connection if more was coming).
fn drain(body: Body) {
    tokio::spawn(async move {
        let mut stream = body.into_bytes_stream();
        let mut seen = 0u64;
        let _ = tokio::time::timeout(DRAIN_MAX_TIME, async {
            while let Some(Ok(chunk)) = stream.next().await {
                seen += chunk.len() as u64;
                if seen > DRAIN_MAX_BYTES {
                    break;
                }
            }
        })
        .await;
    });
}

fn refusal(oauth: bool, why: Refusal, max: usize) -> Response {
    let (status, message) = match why {
        Refusal::TooLarge => (
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is larger than {max} bytes"),
        ),
        Refusal::TooSlow => (
            StatusCode::REQUEST_TIMEOUT,
            "the request body did not arrive in time".to_owned(),
        ),
        Refusal::Unreadable => (
            StatusCode::BAD_REQUEST,
            "the request body could not be read".to_owned(),
        ),
    };
    let mut resp = if oauth {
        oauth_invalid_request(&message)
    } else {
        ApiError::new(ApiError::code_for(status), message).into_response_with(status)
    };
    // The rest of the body is not wanted: the connection is not reused for another request.
    resp.headers_mut().insert(
        header::CONNECTION,
        header::HeaderValue::from_static("close"),
    );
    resp
}
