"""Site-wide progress kept in the browser: visits and self-check scores, ticks in the menu,
the My progress page, reset, and surviving a move of the offline folder (file://)."""

from __future__ import annotations

import shutil


def test_visited_pages_are_ticked_in_the_menu_and_listed(browser, served_site):
    context = browser.new_context()
    context.set_default_timeout(5000)
    page = context.new_page()
    page.goto(f"{served_site}/services/fostering/", wait_until="load")
    page.goto(f"{served_site}/contacts/", wait_until="load")
    page.goto(f"{served_site}/progress/", wait_until="load")
    link = page.locator('.md-nav--primary a.md-nav__link[href="../contacts/"]').first
    assert "(finished)" in link.inner_text()
    other = page.locator('.md-nav--primary a.md-nav__link[href="../thresholds/"]').first
    assert "(finished)" not in other.inner_text()
    row = page.locator('tr[data-page-id="contacts/"] [data-col="visited"]')
    assert row.inner_text() == "Read"
    unread = page.locator('tr[data-page-id="thresholds/"] [data-col="visited"]')
    assert unread.inner_text() == "Not yet"
    assert "You have read" in page.locator("#progress-summary").inner_text()
    # Reset with the keyboard: focus the button and press Enter, accepting the confirmation.
    page.on("dialog", lambda dialog: dialog.accept())
    page.focus("#progress-reset")
    page.keyboard.press("Enter")
    assert row.inner_text() == "Not yet"
    assert page.locator("#progress-status").inner_text() == "Your progress has been cleared."
    stored = page.evaluate("localStorage.getItem('member-induction-progress-v1')")
    assert "contacts/" not in stored
    context.close()


def test_the_certificate_shows_the_typed_name_and_does_not_store_it(browser, served_site):
    context = browser.new_context()
    context.set_default_timeout(5000)
    page = context.new_page()
    page.goto(f"{served_site}/progress/", wait_until="load")
    page.fill("#certificate-name", "Councillor Test Name")
    assert page.locator("#certificate-name-out").inner_text() == "Councillor Test Name"
    storage = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    assert "Test Name" not in storage
    context.close()


def test_progress_survives_moving_the_offline_folder(browser, real_site, tmp_path):
    first = tmp_path / "usb-stick" / "site"
    shutil.copytree(real_site.site, first)
    context = browser.new_context()
    context.set_default_timeout(5000)
    page = context.new_page()
    page.goto((first / "services" / "fostering" / "index.html").as_uri(), wait_until="load")
    moved = tmp_path / "desktop" / "induction"
    shutil.move(str(first), str(moved))
    page.goto((moved / "progress" / "index.html").as_uri(), wait_until="load")
    cell = page.locator('tr[data-page-id="services/fostering/"] [data-col="visited"]')
    assert cell.inner_text() == "Read"
    context.close()
