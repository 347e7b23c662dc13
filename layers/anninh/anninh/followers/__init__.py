"""Followers of each OA: back-filling from Zalo's follower list."""
