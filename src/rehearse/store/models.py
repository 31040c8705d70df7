"""Every mapped table, imported in one place so metadata and migrations see the whole schema."""

from rehearse.accounts.models import AccountToken, BrowserSession, RefreshToken, User
from rehearse.assignments.models import Assignment
from rehearse.blobs.models import Blob
from rehearse.interviews.models import AnalysisResult, Answer, InterviewSession, Question
from rehearse.jobs.models import Job
from rehearse.organisations.models import Invite, Membership, Organisation
from rehearse.progress.models import ReflectionNote, TopicMastery
from rehearse.reports.models import Report
from rehearse.reviews.models import CoachComment, RubricScore, VerdictFlag
from rehearse.store.base import Base

__all__ = [
    "AccountToken",
    "AnalysisResult",
    "Answer",
    "Assignment",
    "Base",
    "Blob",
    "BrowserSession",
    "CoachComment",
    "InterviewSession",
    "Invite",
    "Job",
    "Membership",
    "Organisation",
    "Question",
    "ReflectionNote",
    "RefreshToken",
    "Report",
    "RubricScore",
    "TopicMastery",
    "User",
    "VerdictFlag",
]
