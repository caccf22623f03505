from django.conf import settings


def oogst(request):
    return {
        "municipality": settings.OOGST_MUNICIPALITY,
        "theme_class": settings.OOGST_THEME_CLASS,
        "theme_stylesheet": settings.OOGST_THEME_STYLESHEET,
    }
