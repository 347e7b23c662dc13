"""Each OA's next free send slot in DynamoDB (:class:`anninh.broadcasts.limiter.SlotStore`), reserved with an
optimistic conditional write so the cap holds across concurrent sender instances."""

from __future__ import annotations

from pynamodb.exceptions import PutError

from anninh.store.broadcasts import SendRateModel
from anninh.store.models import ensure_bound


class DynamoSlotStore:
    def __init__(self) -> None:
        ensure_bound(SendRateModel)

    def read(self, oa_id: str) -> float | None:
        try:
            return float(SendRateModel.get(oa_id, consistent_read=True).next_slot)
        except SendRateModel.DoesNotExist:
            return None

    def swap(self, oa_id: str, expected: float | None, new: float) -> bool:
        condition = (
            SendRateModel.oa_id.does_not_exist() if expected is None else SendRateModel.next_slot == expected
        )
        try:
            SendRateModel(oa_id, next_slot=new).save(condition=condition)
        except PutError as exc:
            if exc.cause_response_code == "ConditionalCheckFailedException":
                return False
            raise
        return True
