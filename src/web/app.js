// Storyline's only script: live progress on the ingest page, and opening folded copies when a
// link points into them. Pages work without it.
'use strict';

function pollJob(element) {
  const id = element.getAttribute('data-job');
  const tick = async () => {
    let job;
    try {
      const response = await fetch(`/api/ingest/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      job = await response.json();
    } catch {
      setTimeout(tick, 2000);
      return;
    }
    for (const dd of element.querySelectorAll('dd[data-key]')) {
      const value = job.summary[dd.getAttribute('data-key')];
      if (typeof value === 'number') dd.textContent = String(value);
    }
    const progress = element.querySelector('progress');
    if (progress && job.files > 0) progress.value = Math.round((job.filesDone / job.files) * 100);
    const status = element.querySelector('.job-status');
    const unit = job.unit || 'file';
    if (status) status.textContent = `${job.filesDone} ${job.filesDone === 1 ? unit : `${unit}s`} of ${job.files} done`;
    if (job.state === 'done' || job.state === 'failed') window.location.reload();
    else setTimeout(tick, 700);
  };
  setTimeout(tick, 300);
}

function openTarget() {
  if (!location.hash) return;
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const details = target && target.closest('details');
  if (details) details.open = true;
}

document.addEventListener('DOMContentLoaded', () => {
  const job = document.querySelector('.job[data-state="queued"], .job[data-state="running"]');
  if (job) pollJob(job);
  openTarget();
  window.addEventListener('hashchange', openTarget);
});
