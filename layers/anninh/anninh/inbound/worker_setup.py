"""Build the worker's collaborators from the environment (called once per cold start)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from anninh import hash_keys
from anninh.conversation.citizen_turn import CitizenDeps
from anninh.conversation.zalo_sender import ZaloReplySender
from anninh.faq.engine import FaqEngine
from anninh.inbound.event_router import WorkerDeps
from anninh.settings import TableNames, ZaloSettings, require
from anninh.store.content import DynamoContentRepository
from anninh.store.conversations import DynamoConversationRepository
from anninh.store.deliveries import DynamoDeliveryRepository
from anninh.store.followers import DynamoFollowerRepository
from anninh.store.models import bind_tables
from anninh.store.officers import DynamoOfficerRepository
from anninh.store.questions import DynamoQuestionRepository
from anninh.store.tips import DynamoTipRepository
from anninh.store.units import DynamoUnitRepository
from anninh.tips.media_jobs import SqsMediaJobQueue, enqueue_media
from anninh.tips.media_links import link_client, presigned_url
from anninh.units.directory import UnitDirectory
from anninh.zalo.connect import build_token_manager, build_zalo_client


def build_worker_deps(env: Mapping[str, str] | None = None) -> WorkerDeps:
    bind_tables(TableNames.from_env(env))
    zalo = ZaloSettings.from_env(env)
    client = build_zalo_client(zalo, build_token_manager(zalo, env))
    conversations = DynamoConversationRepository()
    sender = ZaloReplySender(client, request_info_image_url=zalo.request_info_image_url)
    officers = DynamoOfficerRepository()
    questions = DynamoQuestionRepository()
    media_queue = SqsMediaJobQueue.from_env()
    media_bucket = require(os.environ if env is None else env, "MEDIA_BUCKET")

    def hash_secret() -> str:
        # Derived from the secret the stack generates at deploy (anninh.hash_keys); read once per process.
        return hash_keys.derived_key(hash_keys.REPORTER_KEY).hex()

    return WorkerDeps(
        directory=UnitDirectory(DynamoUnitRepository()),
        followers=DynamoFollowerRepository(),
        conversations=conversations,
        deliveries=DynamoDeliveryRepository(),
        sender=sender,
        officers=officers,
        questions=questions,
        citizen=CitizenDeps(
            conversations=conversations,
            sender=sender,
            officers=officers,
            questions=questions,
            tips=DynamoTipRepository(),
            hash_secret=hash_secret,
            media_sink=lambda tip, item: enqueue_media(media_queue, tip.tip_id, item, item.declared_size),
            faq=FaqEngine.load(),
            content=DynamoContentRepository(),
        ),
        presign=lambda key: presigned_url(link_client(), media_bucket, key),
    )
