"""Two rejections logged one after the other in *The call*: each keeps its own application.

The evening a person hears twice (a phone call, then an email), they save the
first, pick "(a new application)" and log the second.  The form must empty
itself for the new one, and the second save must never change the first
application.  Checked in the journal through the command a person would use.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from e2e import lab_ui, servers

WIDGET_PATIENCE_MS = 60_000


def listed(server: servers.RunningServer, kind: str) -> list[dict]:
    """``workbook list KIND --json`` on the server's journal."""
    done = subprocess.run(
        [sys.executable, "-m", "workbook", "--journal", str(server.journal), "list", kind, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def fill_rejection(log, *, company: str, role: str, told: dt.date, channel: str, said: str) -> None:  # noqa: ANN001
    """Type one rejection into the form as a person would, feedback included."""
    log.get_by_label("Company", exact=True).fill(company)
    log.get_by_label("Role", exact=True).fill(role)
    log.get_by_label("Applied on", exact=True).fill((told - dt.timedelta(days=14)).isoformat())
    log.get_by_label("Outcome", exact=True).select_option(label="Rejected")
    log.get_by_label("Outcome date", exact=True).fill(told.isoformat())
    log.get_by_label("How they told me", exact=True).select_option(label=channel)
    feedback = log.locator(".widget-textarea", has_text="What they said").locator("textarea")
    feedback.wait_for(timeout=WIDGET_PATIENCE_MS)
    feedback.fill(said)


def save(page, log) -> None:  # noqa: ANN001
    """Press Save and wait for the form to say it kept everything."""
    log.locator("button.widget-button", has_text="Save").click()
    page.wait_for_selector(".rebound-rejection-log :text('Saved at')", timeout=WIDGET_PATIENCE_MS)


def test_a_phone_then_an_email_rejection_stay_two_applications(
    lab_server: servers.RunningServer, page
) -> None:
    lab_ui.open_notebook(page, lab_server, "02_the_call.ipynb")
    lab_ui.run_all(page)
    log = page.locator(".rebound-rejection-log")
    log.wait_for(timeout=WIDGET_PATIENCE_MS)
    today = dt.date.today()

    fill_rejection(log, company="Contoso", role="Support engineer", told=today - dt.timedelta(days=1),
                   channel="Phone call", said="They wanted more Linux experience.")  # fmt: skip
    log.locator(".widget-textarea", has_text="Questions I asked").locator("textarea").fill(
        "What would have made my answer stronger?"
    )
    save(page, log)

    log.get_by_label("Application", exact=True).select_option(label="(a new application)")
    company = log.get_by_label("Company", exact=True)
    page.wait_for_function("el => el.value === ''", arg=company.element_handle(), timeout=WIDGET_PATIENCE_MS)
    assert log.get_by_label("Role", exact=True).input_value() == ""
    assert "Linux" not in log.inner_text()  # the first application's feedback is no longer listed

    fill_rejection(log, company="Fabrikam", role="Data analyst", told=today, channel="Email",
                   said="The panel preferred someone with more dashboard work.")  # fmt: skip
    save(page, log)

    applications = {app["company"]: app for app in listed(lab_server, "applications")}
    assert set(applications) == {"Contoso", "Fabrikam"}
    contoso, fabrikam = applications["Contoso"], applications["Fabrikam"]
    assert (contoso["role"], contoso["channel"]) == ("Support engineer", "phone")
    assert (fabrikam["role"], fabrikam["channel"]) == ("Data analyst", "email")
    feedback = {item["text"]: item["application_id"] for item in listed(lab_server, "feedback")}
    assert feedback == {
        "They wanted more Linux experience.": contoso["id"],
        "The panel preferred someone with more dashboard work.": fabrikam["id"],
    }
    notes = listed(lab_server, "calls")
    assert [n["application_id"] for n in notes if n.get("questions")] == [contoso["id"]]
    assert lab_ui.tracebacks(page) == []
