"""Starts moto_server (the pinned moto of requirements.txt) with two changes, for ECS only.

moto answers an ECS operation it does not implement (ListServiceDeployments, DescribeServiceRevisions,
ListGateways, ... in moto 5.2.5) with a bare HTTP 500 and an HTML page, which is what a failing proxy
or gateway sends too. rolectl rightly treats a 5xx without an AWS error code as "ECS unknown" and
blocks. Real ECS answers an operation it does not know with HTTP 400 and the error code
UnknownOperationException (the JSON 1.1 protocol's answer for an unknown X-Amz-Target), and that is
the only answer on which rolectl falls back to Service.deployments[]. So that the end-to-end tests can
exercise that fallback on moto, this launcher makes moto's ECS say what AWS says for an unknown
operation.

Second, moto 5.2.5's DescribeCapacityProviders fails with a bare HTTP 500 (a TypeError) when it is
called without capacityProviders, which the API reference allows ("describes all"); rolectl calls it
so, per cluster. The launcher describes all of moto's capacity providers then, as AWS does.

Everything else, and every other service, is moto as installed.

Usage: python moto_server_ecs_strict.py -H 127.0.0.1 -p PORT  (the arguments of moto_server)
"""
import json
import sys

from moto.core import responses
from moto.core.responses import ActionResult
from moto.ecs.responses import EC2ContainerServiceResponse
from moto.server import main

_call_action = responses.BaseResponse.call_action


def call_action(self):
    try:
        return _call_action(self)
    except NotImplementedError as e:
        if not isinstance(self, EC2ContainerServiceResponse):
            raise
        body = json.dumps({"__type": "UnknownOperationException", "message": str(e)})
        return 400, {"Content-Type": "application/x-amz-json-1.1"}, body


responses.BaseResponse.call_action = call_action

_describe_capacity_providers = EC2ContainerServiceResponse.describe_capacity_providers


def describe_capacity_providers(self):
    if self._get_param("capacityProviders") is not None:
        return _describe_capacity_providers(self)
    names = list(self.ecs_backend.capacity_providers.keys())
    providers, failures = self.ecs_backend.describe_capacity_providers(names)
    return ActionResult({"capacityProviders": providers, "failures": failures})


EC2ContainerServiceResponse.describe_capacity_providers = describe_capacity_providers

if __name__ == "__main__":
    sys.exit(main())
