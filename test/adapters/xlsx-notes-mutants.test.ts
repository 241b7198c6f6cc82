/**
 * Notes (legacy comments) as the .xlsx writer patches them, pinned where mutation testing found them
 * unguarded: the user's notes and authors kept exactly, Kaohe's dropped and added with its own author,
 * hostile text escaped, and the VML shapes that anchor notes removed or added, never other shapes.
 */
import { commentTexts, patchComments, patchVml } from "../../src/adapters/xlsx/notes";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}">`;
const kaoheComment = (ref: string, author: number, text: string) =>
  `<comment ref="${ref}" authorId="${author}"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">${text}</t></r></text></comment>`;

describe("patchComments", () => {
  it("writes a fresh comments part with Kaohe as the only author and its notes escaped", () => {
    const out = patchComments(undefined, new Set(), [
      { row: 0, col: 2, text: "=SUM(A1)&<b>" },
      { row: 11, col: 27, text: "a\u0001b" },
    ]);
    expect(out).toBe(
      `${HEAD}<authors><author>Kaohe</author></authors><commentList>${kaoheComment("C1", 0, "=SUM(A1)&amp;&lt;b&gt;")}${kaoheComment("AB12", 0, "a_x0001_b")}</commentList></comments>`,
    );
  });

  it("keeps the user's head, authors, comments and trailing elements, drops Kaohe's, and adds Kaohe as a new author", () => {
    const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<comments xmlns="${MAIN}" xmlns:mc="urn:mc" mc:Ignorable="xr">`;
    const user1 = '<comment authorId="0" ref="A1" shapeId="0"><text><r><t xml:space="preserve">用户 的\n批注</t></r></text></comment>';
    const old = '<comment ref="B2" authorId="1"><text><t>Kaohe 旧说明</t></text></comment>';
    const user2 = '<comment ref="C3" authorId="1"/>';
    const tail = '<extLst><ext uri="x"/></extLst></comments>';
    const xml = `${head}<authors><author>张 三</author><author/></authors><commentList>${user1}${old}${user2}</commentList>${tail}`;
    const out = patchComments(xml, new Set(["B2"]), [
      { row: 0, col: 0, text: "不应写入" },
      { row: 1, col: 1, text: "新" },
      { row: 3, col: 3, text: "新说明" },
    ]);
    expect(out).toBe(
      `${head}<authors><author>张 三</author><author/><author>Kaohe</author></authors><commentList>${user1}${user2}${kaoheComment("B2", 2, "新")}${kaoheComment("D4", 2, "新说明")}</commentList>${tail}`,
    );
  });

  it("reuses Kaohe's existing author entry instead of adding a second", () => {
    const xml = `${HEAD}<authors><author>u</author><author>Kaohe</author></authors><commentList><comment ref="A1" authorId="0"><text><t>x</t></text></comment></commentList></comments>`;
    const out = patchComments(xml, new Set(), [{ row: 1, col: 0, text: "y" }]);
    expect(out).toBe(`${HEAD}<authors><author>u</author><author>Kaohe</author></authors><commentList><comment ref="A1" authorId="0"><text><t>x</t></text></comment>${kaoheComment("A2", 1, "y")}</commentList></comments>`);
  });

  it("rebuilds a part without a comment list, or without even a comments root, instead of failing", () => {
    const bare = `<comments xmlns="${MAIN}"><authors><author>u</author></authors></comments>`;
    expect(patchComments(bare, new Set(), [{ row: 0, col: 0, text: "n" }])).toBe(
      `<comments xmlns="${MAIN}"><authors><author>u</author><author>Kaohe</author></authors><commentList>${kaoheComment("A1", 1, "n")}</commentList></comments>`,
    );
    expect(patchComments("<x/>", new Set(), [])).toBe(`${HEAD}<authors><author>Kaohe</author></authors><commentList></commentList></comments>`);
    const empty = `<comments xmlns="${MAIN}"><authors/><commentList/><extLst/></comments>`;
    expect(patchComments(empty, new Set(), [])).toBe(`<comments xmlns="${MAIN}"><authors><author>Kaohe</author></authors><commentList></commentList><extLst/></comments>`);
  });
});

describe("commentTexts", () => {
  it("joins a note's runs, decodes entities and _x escapes, skips phonetic runs, and finds refs after other attributes", () => {
    const xml =
      `<comments><authors><author>a</author></authors><commentList>` +
      '<comment ref="A1" authorId="0"><text><r><t>a &amp; b</t></r><r><rPr><b/></rPr><t xml:space="preserve"> &#20013;&#x6587;&lt;&gt;&quot;&apos;_x000D_</t></r>' +
      '<rPh sb="0" eb="1"><t>ふり がな</t></rPh></text></comment>' +
      '<comment authorId="0" ref="AB12"/>' +
      '<comment ref="C3" authorId="0"><text><t>多行\n文字</t></text></comment>' +
      `</commentList></comments>`;
    expect([...commentTexts(xml)]).toEqual([
      ["A1", "a & b 中文<>\"'\r"],
      ["AB12", ""],
      ["C3", "多行\n文字"],
    ]);
  });
});

describe("patchVml", () => {
  it("creates a drawing with the note shape type once and one hidden note shape per note, anchored beside its cell", () => {
    const out = patchVml(undefined, new Set(), [{ row: 2, col: 1, text: "x" }, { row: 11, col: 30, text: "y" }]);
    expect(out.startsWith('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>')).toBe(true);
    expect(out.endsWith("</v:shape></xml>")).toBe(true);
    expect(out.match(/<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"\/><v:path gradientshapeok="t" o:connecttype="rect"\/><\/v:shapetype>/g)).toHaveLength(1);
    const shapes = [...out.matchAll(/<v:shape id="(_x0000_s\d+)"[^>]*z-index:(\d+);visibility:hidden"[^>]*>([\s\S]*?)<\/v:shape>/g)];
    expect(shapes.map((m) => [m[1], m[2]])).toEqual([["_x0000_s1025", "1025"], ["_x0000_s1026", "1026"]]);
    expect(shapes[0]?.[3]).toContain('<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>');
    expect(shapes[0]?.[3]).toContain('<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 2, 2, 5, 15, 8, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>2</x:Row><x:Column>1</x:Column></x:ClientData>');
    expect(shapes[1]?.[3]).toContain("<x:Anchor>31, 15, 11, 2, 34, 15, 17, 4</x:Anchor>");
    expect(shapes[1]?.[3]).toContain("<x:Row>11</x:Row><x:Column>30</x:Column>");
  });

  it("removes only note shapes of cells not kept, keeps other shapes and unidentifiable notes, and numbers new shapes past the highest id", () => {
    const note = (id: number, rowCol: string) => `<v:shape id="_x0000_s${id}" type="#_x0000_t202"><x:ClientData ObjectType="Note">${rowCol}</x:ClientData></v:shape>`;
    const keptA1 = note(1030, "<x:Row>0</x:Row><x:Column>0</x:Column>");
    const gone = note(1027, "<x:Row> 11 </x:Row><x:Column> 10 </x:Column>");
    const button = '<v:shape id="_x0000_s1028" type="#_x0000_t201"><x:ClientData ObjectType="Button"><x:Row>11</x:Row><x:Column>10</x:Column></x:ClientData></v:shape>';
    const rowOnly = note(1029, "<x:Row>11</x:Row>");
    const neither = note(1026, "");
    const type = '<v:shapetype coordsize="21600,21600" id="_x0000_t202" o:spt="202"><v:path o:connecttype="rect"/></v:shapetype>';
    const old = `<xml xmlns:v="urn:v">${type}${keptA1}${gone}${button}${rowOnly}${neither}</xml>`;
    const out = patchVml(old, new Set(["A1"]), [{ row: 4, col: 4, text: "n" }]);
    const added = /<v:shape id="_x0000_s(\d+)"/g;
    expect(out.startsWith(`<xml xmlns:v="urn:v">${type}${keptA1}${button}${rowOnly}${neither}<v:shape id="_x0000_s1031" `)).toBe(true);
    expect([...out.matchAll(added)].map((m) => m[1])).toEqual(["1030", "1028", "1029", "1026", "1031"]);
    expect(out).not.toContain("<v:shapetype id=");
    expect(out.endsWith("</v:shape></xml>")).toBe(true);
  });

  it("leaves a drawing without an </xml> end as it is, and still adds to one that is nothing but its end", () => {
    expect(patchVml("<xml><v:shape/>", new Set(), [{ row: 0, col: 0, text: "n" }])).toBe("<xml><v:shape/>");
    const out = patchVml("</xml>", new Set(), [{ row: 0, col: 0, text: "n" }]);
    expect(out.startsWith('<v:shapetype id="_x0000_t202"')).toBe(true);
    expect(out).toContain('<v:shape id="_x0000_s1025"');
    expect(out.endsWith("</xml>")).toBe(true);
  });
});
