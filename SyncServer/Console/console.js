// The county console's first page: the server's health and the county's villages.
"use strict";
function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

async function load() {
  const health = await (await fetch("/healthz")).json();
  document.getElementById("health").textContent =
    `${health.program} ${health.version} · schema ${health.schema_version} · ${health.status}`;
  const county = await fetch("/api/v1/county");
  if (county.ok) {
    const c = await county.json();
    document.getElementById("county").textContent = `${c.province}${c.city}${c.name} 行政村 Villages`;
  }
  const { villages } = await (await fetch("/api/v1/villages")).json();
  const body = document.getElementById("villages");
  for (const v of villages) {
    const row = document.createElement("tr");
    row.append(cell(v.code), cell(v.township_name), cell(v.name),
               cell(v.households, "number"), cell(v.population, "number"));
    body.append(row);
  }
}
load();
