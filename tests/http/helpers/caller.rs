//! A logged-in API caller: its own cookie jar (one browser session) and the CSRF token that
//! unsafe calls repeat in `X-CSRF-Token`; answers come back as (status, JSON body).
#![allow(dead_code)]

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::TestApp;

pub struct Caller {
    base: String,
    client: reqwest::Client,
    pub csrf: String,
}

impl Caller {
    /// Logs in through the login page with a fresh cookie jar.
    pub async fn login(app: &TestApp, username: &str, password: &str) -> Caller {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap();
        let page = client
            .get(app.url("/accounts/login/"))
            .send()
            .await
            .unwrap();
        let html = page.text().await.unwrap();
        let csrf = crate::helpers::extract_hidden(&html, "csrf_token").unwrap();
        let resp = client
            .post(app.url("/accounts/login/"))
            .form(&[
                ("username", username),
                ("password", password),
                ("csrf_token", &csrf),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 303, "login of {username} failed");
        Caller {
            base: app.address.clone(),
            client,
            csrf,
        }
    }

    /// The signed-in browser `client` of `app` as an API caller (its session and CSRF token).
    pub async fn of_browser(app: &TestApp, client: &reqwest::Client) -> Caller {
        let page = client.get(app.url("/accounts/profile/")).send().await;
        let html = page.unwrap().text().await.unwrap();
        let csrf = crate::helpers::extract_hidden(&html, "csrf_token").expect("signed in");
        Caller {
            base: app.address.clone(),
            client: client.clone(),
            csrf,
        }
    }

    /// The bootstrap administrator of the app.
    pub async fn admin(app: &TestApp) -> Caller {
        let pw = app
            .admin_password
            .clone()
            .expect("generated admin password");
        Self::login(app, "admin", &pw).await
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .client
            .request(method, format!("{}{}", self.base, path))
            .header("X-CSRF-Token", &self.csrf);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let text = resp.text().await.unwrap();
        let json = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (status, json)
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::PATCH, path, Some(body)).await
    }

    pub async fn put(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::PUT, path, None).await
    }

    pub async fn delete(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::DELETE, path, None).await
    }

    /// The `WWW-Authenticate` header of a GET answer (empty when absent).
    pub async fn www_authenticate(&self, path: &str) -> String {
        let resp = self
            .client
            .get(format!("{}{}", self.base, path))
            .send()
            .await
            .unwrap();
        resp.headers()
            .get("www-authenticate")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    }

    /// A raw request without the CSRF header, for proving it is required.
    pub async fn post_without_csrf(&self, path: &str) -> StatusCode {
        let url = format!("{}{}", self.base, path);
        self.client.post(url).send().await.unwrap().status()
    }
}

/// The `field` names of an error body.
pub fn fields(body: &Value) -> Vec<String> {
    body["fields"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| f["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The `username`s (or `name`s) of a listing's items.
pub fn names(list: &Value, key: &str) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i[key].as_str().unwrap().to_owned())
        .collect()
}
