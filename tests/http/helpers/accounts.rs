//! Helpers of the account suites: submitting a page's form with its CSRF token, registering
//! through the page, and where the app's emails land.

use std::path::PathBuf;

use super::TestApp;

impl TestApp {
    /// Where the file mailer writes this app's emails.
    pub fn mail_dir(&self) -> PathBuf {
        self.settings.store.data_dir.join("mail")
    }

    /// GETs `page` for a CSRF token, then POSTs `fields` (plus the token) to `action`.
    pub async fn submit(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let csrf = self.csrf_token(page).await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &csrf));
        self.client
            .post(self.url(action))
            .form(&form)
            .send()
            .await
            .expect("form request")
    }

    /// Registers through `/accounts/register/`; returns the response (303 on success).
    pub async fn register(&self, username: &str, email: &str, password: &str) -> reqwest::Response {
        self.submit(
            "/accounts/register/",
            "/accounts/register/",
            &[
                ("username", username),
                ("email", email),
                ("password", password),
                ("password_confirm", password),
            ],
        )
        .await
    }

    /// A fresh client (own cookie jar) for a second browser.
    pub fn new_browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("http client")
    }

    /// The stored account with this username.
    pub async fn stored_user(&self, username: &str) -> auth_center::domain::User {
        let svc = self.services().await;
        svc.stores
            .users
            .find_user_by_username(&username.to_ascii_lowercase())
            .await
            .expect("user exists")
    }
}

/// The `Location` of a redirect.
pub fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

impl TestApp {
    /// A second browser logged in as `username` (its own cookie jar).
    pub async fn spawn_client_session(
        app: &TestApp,
        username: &str,
        password: &str,
    ) -> reqwest::Client {
        let browser = app.new_browser();
        let html = browser
            .get(app.url("/accounts/login/"))
            .send()
            .await
            .expect("login page")
            .text()
            .await
            .expect("body");
        let csrf = super::extract_hidden(&html, "csrf_token").expect("csrf field");
        let resp = browser
            .post(app.url("/accounts/login/"))
            .form(&[
                ("username", username),
                ("password", password),
                ("csrf_token", &csrf),
            ])
            .send()
            .await
            .expect("login");
        assert_eq!(resp.status(), 303, "second browser logs in");
        browser
    }
}
