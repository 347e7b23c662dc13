"""Units' published content: news, wanted-person notices, ward officers and patrol schedules."""
