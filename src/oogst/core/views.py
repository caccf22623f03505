from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from health_check.views import HealthCheckView


@method_decorator(login_not_required, name="dispatch")
class HealthView(HealthCheckView):
    """For the load balancer: 200 when the database answers, 500 otherwise; JSON, no login."""

    checks = ("health_check.Database",)

    def get(self, request, *args, **kwargs):
        failing = self.check()
        return self.render_to_response_json(self.filter_plugins(), 500 if failing else 200)
