"""End-to-end tests: real servers, and a real browser (Debian's chromium driven by Playwright)."""
