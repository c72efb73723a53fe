"""spamsift: judge, locate and salvage gambling and SEO spam in web pages."""

from spamsift.api import check
from spamsift.core.report import Block, Report

__all__ = ["Block", "Report", "check"]
__version__ = "0.1.0"
