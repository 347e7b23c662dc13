"""Server-side request forgery through tip attachments: only Zalo's CDN is ever fetched.

Real HTTP (a small WSGI server on 127.0.0.1 that records every request it gets) and a resolver injected in
place of DNS, so a "Zalo" host name can be made to point anywhere: at a private address, at the metadata
service, or (allowed only on the local stack) at this test server.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from anninh import texts
from anninh.tips.media_download import DownloadPolicy, MediaRefused, fetch_media
from anninh.tips.media_service import MediaService, MediaSettings
from anninh.tips.media_source import (
    AllowedPrefix,
    SourcePolicy,
    SourceRefused,
    check_source,
    is_public,
)
from anninh.tips.model import MediaItem
from localrun.fake_zalo import serve_in_thread
from werkzeug.wrappers import Request, Response

SAMPLE = (
    Path(__file__).resolve().parents[2] / "infra" / "local" / "localrun" / "media" / "sample.jpg"
).read_bytes()
MB = 1024 * 1024
ZALO = SourcePolicy.from_setting(
    "https://*.zdn.vn/,https://*.zadn.vn/,https://*.dlfl.vn/,https://*.flchat.vn/,https://*.dlmd.me/"
)
ZALO_ADDRESS = "49.213.118.10"  # any global address; nothing connects to it in these tests


class Recorder:
    """Answers /photo with a JPEG, /redirect?to=… with a 302, records (path, Host header) of each request."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    def __call__(self, environ, start_response):  # type: ignore[no-untyped-def]
        request = Request(environ)
        self.seen.append((request.path, request.headers.get("Host", "")))
        if request.path == "/photo":
            response = Response(SAMPLE, mimetype="image/jpeg")
        elif request.path == "/redirect":
            response = Response("", status=302, headers={"Location": request.args["to"]})
        else:
            response = Response("secret page", mimetype="text/plain")
        return response(environ, start_response)


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[Recorder, int]]:
    recorder = Recorder()
    base_url, stop = serve_in_thread(recorder)
    yield recorder, int(base_url.rsplit(":", 1)[1])
    stop()


def resolver(table: dict[str, list[str]]):
    calls: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        return table[host]

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


def refused(url: str, policy: SourcePolicy = ZALO, table: dict[str, list[str]] | None = None) -> str:
    with pytest.raises(SourceRefused) as caught:
        check_source(url, policy, resolver(table or {}))
    return caught.value.reason


# ------------------------------------------------------------------ the allow-list and the addresses


def test_loopback_and_the_metadata_service_are_refused_by_name_and_by_address() -> None:
    assert refused("https://127.0.0.1/_local/units") == "not_allowed"
    assert refused("https://169.254.169.254/latest/meta-data/") == "not_allowed"
    assert refused("https://[::1]/") == "not_allowed"
    # Even a prefix that names them cannot make them reachable outside the local stack.
    naming = SourcePolicy.from_setting("https://169.254.169.254/,https://127.0.0.1/")
    assert refused(
        "https://169.254.169.254/latest/meta-data/", naming, {"169.254.169.254": ["169.254.169.254"]}
    ) == ("address")
    assert refused("https://127.0.0.1/x", naming, {"127.0.0.1": ["127.0.0.1"]}) == "address"


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.5",
        "172.16.3.4",
        "192.168.1.10",
        "127.0.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "224.0.0.1",
        "240.0.0.1",
    ],
)
def test_a_zalo_host_name_resolving_to_an_inside_address_is_refused(address: str) -> None:
    assert refused("https://photo-stal-9.zdn.vn/a.jpg", ZALO, {"photo-stal-9.zdn.vn": [address]}) == "address"


def test_one_inside_address_among_public_ones_is_enough_to_refuse() -> None:
    table = {"photo-stal-9.zdn.vn": [ZALO_ADDRESS, "10.1.2.3"]}
    assert refused("https://photo-stal-9.zdn.vn/a.jpg", ZALO, table) == "address"


def test_zalo_cdn_hosts_pass_and_look_alikes_do_not() -> None:
    table = {h: [ZALO_ADDRESS] for h in ("photo-stal-9.zdn.vn", "file-stal-22.dlfl.vn", "zdn.vn.evil.com")}
    checked = check_source("https://photo-stal-9.zdn.vn/a/b.jpg?x=1", ZALO, resolver(table))
    assert (checked.host, checked.address, checked.port) == ("photo-stal-9.zdn.vn", ZALO_ADDRESS, 443)
    assert checked.pinned_url == f"https://{ZALO_ADDRESS}:443/a/b.jpg?x=1"
    assert (
        check_source("https://file-stal-22.dlfl.vn/gr/x", ZALO, resolver(table)).host
        == "file-stal-22.dlfl.vn"
    )
    assert refused("https://zdn.vn.evil.com/a.jpg", ZALO, table) == "not_allowed"
    assert refused("https://evilzdn.vn/a.jpg") == "not_allowed"
    assert refused("https://photo-stal-9.zdn.vn@evil.com/a.jpg") == "credentials"
    assert refused("https://user:pw@photo-stal-9.zdn.vn/a.jpg") == "credentials"
    assert refused("http://photo-stal-9.zdn.vn/a.jpg") == "scheme"  # https only on AWS
    assert refused("file:///etc/passwd") == "scheme"
    assert refused("https://photo-stal-9.zdn.vn:8443/a.jpg") == "not_allowed"


def test_dot_segments_cannot_climb_out_of_an_allowed_path() -> None:
    local = SourcePolicy.from_setting("http://127.0.0.1:3000/zalo-api/_media/", local=True)
    table = {"127.0.0.1": ["127.0.0.1"]}
    assert check_source("http://127.0.0.1:3000/zalo-api/_media/sample.jpg", local, resolver(table))
    assert refused("http://127.0.0.1:3000/zalo-api/_media/../../_local/units", local, table) == "path"
    assert refused("http://127.0.0.1:3000/zalo-api/_media/%2e%2e/%2E%2E/_local/units", local, table) == "path"
    assert refused("http://127.0.0.1:3000/_local/units", local, table) == "not_allowed"


def test_the_setting_is_checked_when_the_function_starts() -> None:
    with pytest.raises(ValueError):
        SourcePolicy.from_setting("http://127.0.0.1:3000/")  # http outside the local stack
    with pytest.raises(ValueError):
        SourcePolicy.from_setting("")
    with pytest.raises(ValueError):
        AllowedPrefix.parse("https://*/")
    assert not is_public("169.254.169.254") and is_public(ZALO_ADDRESS)


# ------------------------------------------------------------------ redirects and the pinned connection


def test_a_redirect_from_an_allowed_host_to_a_forbidden_one_is_refused_before_it_is_followed(server) -> None:
    recorder, port = server
    recorder.seen.clear()
    policy = SourcePolicy.from_setting(f"http://cdn.zdn.test:{port}/", local=True)
    resolve = resolver({"cdn.zdn.test": ["127.0.0.1"], "127.0.0.1": ["127.0.0.1"]})
    for target in (
        f"http://127.0.0.1:{port}/secret",  # the same server under another name: not on the list
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        f"http://cdn.zdn.test:{port}/../secret",
    ):
        with pytest.raises(MediaRefused) as caught:
            fetch_media(
                requests.Session(),
                f"http://cdn.zdn.test:{port}/redirect?to={target}",
                "image",
                DownloadPolicy(max_bytes=MB),
                sources=policy,
                resolve=resolve,
            )
        assert caught.value.reason == "source"
    assert [path for path, _ in recorder.seen] == ["/redirect"] * 3  # the forbidden hop was never made


def test_a_redirect_within_the_list_is_followed_and_each_hop_resolved_again(server) -> None:
    recorder, port = server
    recorder.seen.clear()
    policy = SourcePolicy.from_setting(f"http://a.zdn.test:{port}/,http://b.zdn.test:{port}/", local=True)
    resolve = resolver({"a.zdn.test": ["127.0.0.1"], "b.zdn.test": ["127.0.0.1"]})
    url = f"http://a.zdn.test:{port}/redirect?to=http://b.zdn.test:{port}/photo"
    with fetch_media(
        requests.Session(), url, "image", DownloadPolicy(max_bytes=MB), sources=policy, resolve=resolve
    ) as media:
        assert media.sniffed.content_type == "image/jpeg" and media.size == len(SAMPLE)
    assert resolve.calls == ["a.zdn.test", "b.zdn.test"]  # type: ignore[attr-defined]
    # The connection went to the checked address, under the host's own name.
    assert recorder.seen == [("/redirect", f"a.zdn.test:{port}"), ("/photo", f"b.zdn.test:{port}")]


def test_the_connection_uses_the_checked_address_not_a_second_dns_answer(server) -> None:
    """DNS rebinding: a name that answers a harmless address first and an inside one next is resolved once
    per hop, and the connection is made to the address that was checked."""
    recorder, port = server
    recorder.seen.clear()
    answers = iter([["127.0.0.1"], ["169.254.169.254"]])
    calls: list[str] = []

    def rebinding(host: str, _port: int) -> list[str]:
        calls.append(host)
        return next(answers)

    policy = SourcePolicy.from_setting(f"http://rebind.zdn.test:{port}/", local=True)
    with fetch_media(
        requests.Session(),
        f"http://rebind.zdn.test:{port}/photo",
        "image",
        DownloadPolicy(max_bytes=MB),
        sources=policy,
        resolve=rebinding,
    ) as media:
        assert media.size == len(SAMPLE)
    assert calls == ["rebind.zdn.test"] and recorder.seen == [("/photo", f"rebind.zdn.test:{port}")]


def test_over_https_the_pinned_connection_still_checks_the_certificate_of_the_host_name() -> None:
    from anninh.tips.media_download import _PinnedAdapter

    request = requests.Request("GET", f"https://{ZALO_ADDRESS}:443/a.jpg").prepare()
    host_params, pool_kwargs = _PinnedAdapter("photo-stal-9.zdn.vn").build_connection_pool_key_attributes(
        request, True
    )
    assert host_params["host"] == ZALO_ADDRESS  # the connection goes to the checked address…
    assert pool_kwargs["server_hostname"] == "photo-stal-9.zdn.vn"  # …SNI names the host…
    assert pool_kwargs["assert_hostname"] == "photo-stal-9.zdn.vn"  # …and its certificate must match it
    assert pool_kwargs["cert_reqs"] == "CERT_REQUIRED"


# ------------------------------------------------------------------ the media service marks and tells


class OneTip:
    def __init__(self, tip) -> None:  # type: ignore[no-untyped-def]
        self.tip, self.items, self.entries = tip, {}, []

    def get(self, tip_id):  # type: ignore[no-untyped-def]
        return self.tip if tip_id == self.tip.tip_id else None

    def set_media(self, tip_id, item, at):  # type: ignore[no-untyped-def]
        self.items[item.media_id] = item

    def audit(self, entry):  # type: ignore[no-untyped-def]
        self.entries.append(entry)


class NoStore:
    def put(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("nothing from a forbidden source may be stored")


def test_the_media_service_marks_a_forbidden_source_refused_and_tells_the_reporter(server) -> None:
    from datetime import UTC, datetime

    from anninh.tips.media_jobs import MediaJob
    from anninh.tips.model import Tip

    recorder, port = server
    recorder.seen.clear()
    now = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    attack = f"http://127.0.0.1:{port}/_local/units"
    tip = Tip(
        tip_id="1763884800000-abc",
        unit_id="xa",
        code="BA-7KQ2MXR",
        category="ma_tuy",
        description="…",
        privacy="anonymous",
        reporter_key="k",
        reporter_oa_id="oa",
        reporter_user_id="u",
        created_at=now,
        updated_at=now,
        media=(MediaItem("m00", "image", attack),),
    )
    tips, told = OneTip(tip), []
    settings = MediaSettings.from_env(
        {
            "MEDIA_BUCKET": "b",
            "MEDIA_KMS_KEY_ARN": "k",
            "STAGE": "local",  # even the local stack's loose policy: only the fake CDN's prefix
            "MEDIA_SOURCE_PREFIXES": f"http://127.0.0.1:{port}/zalo-api/_media/",
        }
    )
    service = MediaService(
        tips, NoStore(), requests.Session(), settings, notify=lambda t, item: told.append(item.error)
    )
    assert service.process(MediaJob(tip.tip_id, "m00", "image", attack), receive_count=1) == "refused"
    assert tips.items["m00"].status == "refused"
    assert told == [texts.MEDIA_REFUSED_SOURCE.format(kind="Ảnh")]
    assert recorder.seen == []  # nothing was fetched
