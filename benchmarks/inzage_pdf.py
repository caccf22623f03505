"""The inzage PDF of a participant whose record was opened many times, end to end.

Run: .venv/bin/python benchmarks/inzage_pdf.py [--accesses 300 1000 5000]
Adds that many access-log entries for one participant (fresh SQLite database, or DATABASE_URL's
server), then times the partner's inzage PDF download through Django and reports its pages and
size. Before the summary, 300 views took about 12 s and 650-800 passed the worker timeout.
"""

import argparse
import datetime
import io
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--accesses", type=int, nargs="+", default=[300, 1000, 5000])
    args = parser.parse_args()
    import bench_env

    with bench_env.test_database():
        run(args)


def run(args):
    from django.test import Client
    from pdfminer.pdfpage import PDFPage

    from oogst.accounts.models import Role, User
    from oogst.participants import services
    from oogst.participants.models import AccessAction, AccessLogEntry, AccessReason, Participant
    from oogst.pilots.models import Partner, Pilot

    partner = Partner.objects.create(name="Stichting")
    staff = User.objects.create_user("staff", role=Role.PARTNER, partner=partner)
    pilot = Pilot.objects.create(name="Benchmark", slug="benchmark")
    monitor = services.set_up_monitor(pilot=pilot, partner=partner, code_prefix="BM")
    person = Participant.objects.create(
        monitor=monitor, code=monitor.new_code(), start_date=datetime.date(2025, 1, 1)
    )
    client = Client()
    client.force_login(staff)
    url = f"/deelnemers/{pilot.slug}/{person.code}/inzage.pdf"
    logged = 0
    for target in sorted(args.accesses):
        AccessLogEntry.objects.bulk_create(
            AccessLogEntry(
                user=staff,
                subject_key=person.log_key,
                participant_code=person.code,
                partner=partner,
                pilot=pilot,
                action=AccessAction.VIEW,
                reason=AccessReason.BEGELEIDING,
            )
            for _ in range(target - logged)
        )
        logged = target
        started = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - started
        assert response.status_code == 200
        pages = len(list(PDFPage.get_pages(io.BytesIO(response.content))))
        print(
            f"{target:6d} accesses: {seconds:5.2f} s, {pages} pages, "
            f"{len(response.content) // 1024} KB  (worker timeout 30 s)"
        )
        logged += 1  # the download itself is logged


if __name__ == "__main__":
    sys.exit(main())
