from datetime import timedelta

import pytest
from anninh.settings import (
    DEFAULT_REQUEST_INFO_IMAGE_URL,
    BroadcastSchedules,
    ConfigError,
    DynamoLocation,
    FaqStoreSettings,
    SenderSettings,
    TableNames,
    WebhookSettings,
    ZaloSettings,
    capability_cache_seconds,
    public_cache_seconds,
    token_refresh_within,
)

WEBHOOK_ENV = {"SSM_PREFIX": "/anninh/dev", "INBOUND_QUEUE_URL": "https://sqs/q.fifo"}


def test_webhook_settings_defaults_and_overrides():
    settings = WebhookSettings.from_env(WEBHOOK_ENV)
    assert settings.max_body_bytes == 1_048_576 and settings.max_age_seconds == 86_400
    assert settings.signature_variants == ("standard",)
    custom = WebhookSettings.from_env(
        {**WEBHOOK_ENV, "SIGNATURE_VARIANTS": "standard, oa_id", "WEBHOOK_MAX_BODY_BYTES": "2048"}
    )
    assert custom.signature_variants == ("standard", "oa_id") and custom.max_body_bytes == 2048


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"INBOUND_QUEUE_URL": "q"}, "SSM_PREFIX is required"),
        ({**WEBHOOK_ENV, "SIGNATURE_VARIANTS": "standard,rot13"}, "SIGNATURE_VARIANTS"),
        ({**WEBHOOK_ENV, "WEBHOOK_MAX_BODY_BYTES": "lots"}, "must be an integer"),
        ({**WEBHOOK_ENV, "WEBHOOK_MAX_AGE_SECONDS": "5"}, ">= 60"),
    ],
)
def test_missing_or_bad_webhook_settings_fail_loudly(env, message):
    with pytest.raises(ConfigError, match=message):
        WebhookSettings.from_env(env)


def test_zalo_and_table_settings_fail_loudly():
    with pytest.raises(ConfigError, match="ZALO_APP_ID"):
        ZaloSettings.from_env(
            {"ZALO_API_BASE_URL": "https://x", "ZALO_OAUTH_BASE_URL": "https://y", "SSM_PREFIX": "/p"}
        )
    with pytest.raises(ConfigError, match="BUTTONS_MODE"):
        ZaloSettings.from_env(
            {
                "ZALO_APP_ID": "1",
                "ZALO_API_BASE_URL": "https://x/",
                "ZALO_OAUTH_BASE_URL": "h",
                "SSM_PREFIX": "/p",
                "BUTTONS_MODE": "carousel",
            }
        )
    with pytest.raises(ConfigError, match="UNITS_TABLE"):
        TableNames.from_env({})


def test_the_contact_form_picture_defaults_to_zalos_example_and_must_be_https():
    base = {
        "ZALO_APP_ID": "1",
        "ZALO_API_BASE_URL": "https://x",
        "ZALO_OAUTH_BASE_URL": "h",
        "SSM_PREFIX": "/p",
    }
    settings = ZaloSettings.from_env(base)
    assert settings.request_info_image_url == DEFAULT_REQUEST_INFO_IMAGE_URL
    assert settings.zns_base_url == "https://business.openapi.zalo.me"
    assert settings.buttons_mode == "text"
    assert ZaloSettings.from_env({**base, "ZALO_ZNS_BASE_URL": "http://fake/zalo-api/"}).zns_base_url == (
        "http://fake/zalo-api"
    )
    with pytest.raises(ConfigError, match="ZALO_ZNS_BASE_URL"):
        ZaloSettings.from_env({**base, "ZALO_ZNS_BASE_URL": "business.openapi.zalo.me"})
    picture = "https://cdn.example.vn/form.png"
    assert (
        ZaloSettings.from_env({**base, "REQUEST_INFO_IMAGE_URL": picture}).request_info_image_url == picture
    )
    with pytest.raises(ConfigError, match="REQUEST_INFO_IMAGE_URL"):
        ZaloSettings.from_env({**base, "REQUEST_INFO_IMAGE_URL": "http://cdn.example.vn/form.png"})


TABLES = {
    name: f"t-{name.lower()}"
    for name in [
        "UNITS_TABLE",
        "FOLLOWERS_TABLE",
        "CONVERSATIONS_TABLE",
        "IDEMPOTENCY_TABLE",
        "TOKENS_TABLE",
        "DELIVERIES_TABLE",
        "OFFICERS_TABLE",
        "QUESTIONS_TABLE",
        "TIPS_TABLE",
        "TIP_AUDIT_TABLE",
        "CONTENT_TABLE",
        "BROADCASTS_TABLE",
        "BROADCAST_RESULTS_TABLE",
        "SEND_RATE_TABLE",
    ]
}


def test_table_names_cover_the_broadcast_tables_too():
    names = TableNames.from_env(TABLES)
    assert (names.broadcasts, names.broadcast_results, names.send_rate) == (
        "t-broadcasts_table",
        "t-broadcast_results_table",
        "t-send_rate_table",
    )
    with pytest.raises(ConfigError, match="SEND_RATE_TABLE"):
        TableNames.from_env({k: v for k, v in TABLES.items() if k != "SEND_RATE_TABLE"})


def test_the_webhook_app_id_is_a_setting_where_0_means_any():
    assert WebhookSettings.from_env(WEBHOOK_ENV).app_id == ""
    assert WebhookSettings.from_env({**WEBHOOK_ENV, "ZALO_APP_ID": "0"}).app_id == ""
    assert WebhookSettings.from_env({**WEBHOOK_ENV, "ZALO_APP_ID": " 4321 "}).app_id == "4321"


def test_token_refresh_window_and_public_cache_are_validated():
    assert token_refresh_within({}) == timedelta(hours=6)
    assert token_refresh_within({"TOKEN_REFRESH_WITHIN_HOURS": "48"}) == timedelta(hours=48)
    with pytest.raises(ConfigError, match="TOKEN_REFRESH_WITHIN_HOURS must be an integer"):
        token_refresh_within({"TOKEN_REFRESH_WITHIN_HOURS": "six"})
    assert public_cache_seconds({}, default=300) == 300
    assert public_cache_seconds({"PUBLIC_CACHE_SECONDS": "0"}) == 0
    with pytest.raises(ConfigError, match="PUBLIC_CACHE_SECONDS must be >= 0"):
        public_cache_seconds({"PUBLIC_CACHE_SECONDS": "-1"})


SENDER_DEFAULTS = {"max_defer": timedelta(hours=24), "claim_lease": timedelta(seconds=180)}


def test_sender_settings_default_to_the_senders_own_and_take_overrides():
    settings = SenderSettings.from_env({"OUTBOUND_QUEUE_URL": "https://sqs/out"}, **SENDER_DEFAULTS)
    assert settings.rate_per_second == pytest.approx(100 / 60)
    assert (settings.max_defer, settings.claim_lease) == (timedelta(hours=24), timedelta(seconds=180))
    custom = SenderSettings.from_env(
        {
            "OUTBOUND_QUEUE_URL": "https://sqs/out",
            "SEND_RATE_PER_MINUTE": "6000",
            "BROADCAST_MAX_DEFER_HOURS": "0.5",
            "BROADCAST_CLAIM_LEASE_SECONDS": "30",
        },
        **SENDER_DEFAULTS,
    )
    assert custom.rate_per_second == 100 and custom.max_defer == timedelta(minutes=30)
    assert custom.claim_lease == timedelta(seconds=30)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "OUTBOUND_QUEUE_URL is required"),
        (
            {"OUTBOUND_QUEUE_URL": "q", "SEND_RATE_PER_MINUTE": "fast"},
            "SEND_RATE_PER_MINUTE must be a number",
        ),
        ({"OUTBOUND_QUEUE_URL": "q", "BROADCAST_MAX_DEFER_HOURS": "0"}, "BROADCAST_MAX_DEFER_HOURS must be"),
        ({"OUTBOUND_QUEUE_URL": "q", "BROADCAST_CLAIM_LEASE_SECONDS": "-5"}, "BROADCAST_CLAIM_LEASE_SECONDS"),
    ],
)
def test_bad_sender_settings_fail_loudly(env, message):
    with pytest.raises(ConfigError, match=message):
        SenderSettings.from_env(env, **SENDER_DEFAULTS)


def test_the_faq_store_and_capability_cache_settings():
    assert FaqStoreSettings.from_env({}, refresh_seconds=300) == FaqStoreSettings(None, None, 300)
    faq = FaqStoreSettings.from_env(
        {"FAQ_BUCKET": " kb ", "FAQ_KMS_KEY_ARN": "arn:k", "FAQ_REFRESH_SECONDS": "0"}, refresh_seconds=300
    )
    assert faq == FaqStoreSettings("kb", "arn:k", 0)
    for bad in ("soon", "-1"):
        with pytest.raises(ConfigError, match="FAQ_REFRESH_SECONDS"):
            FaqStoreSettings.from_env({"FAQ_REFRESH_SECONDS": bad}, refresh_seconds=300)
    assert (
        capability_cache_seconds({}) == 300
        and capability_cache_seconds({"ZALO_CAPABILITY_CACHE_SECONDS": "1"}) == 1
    )
    with pytest.raises(ConfigError, match="ZALO_CAPABILITY_CACHE_SECONDS"):
        capability_cache_seconds({"ZALO_CAPABILITY_CACHE_SECONDS": "-1"})


def test_the_dynamodb_location_and_broadcast_schedules():
    assert DynamoLocation.from_env({"AWS_DEFAULT_REGION": "ap-southeast-1"}) == DynamoLocation(
        "ap-southeast-1", None
    )
    local = {
        "AWS_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": "http://a",
        "AWS_ENDPOINT_URL_DYNAMODB": "http://d",
    }
    assert DynamoLocation.from_env(local) == DynamoLocation("us-east-1", "http://d")
    assert DynamoLocation.from_env({}, region="eu-west-1").region == "eu-west-1"
    with pytest.raises(ConfigError, match="AWS_REGION"):
        DynamoLocation.from_env({})
    with pytest.raises(ConfigError, match="SCHEDULE_GROUP is required"):
        BroadcastSchedules.from_env({"BROADCAST_FUNCTION_ARN": "f", "SCHEDULER_ROLE_ARN": "r"})
