# One image for every stage worker: `newsfeed worker STAGE` (see docker-compose.yml, deploy/).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY pipeline ./pipeline
RUN pip install . && useradd --create-home --uid 10001 newsfeed
USER newsfeed
WORKDIR /home/newsfeed
# Faust's web server (metrics at /newsfeed/metrics/) when a worker is started with --web-port 6066.
EXPOSE 6066
CMD ["newsfeed", "--help"]
