/** Types of demo-data.js (the demo workspace `npm start` seeds), for the tests that read it. */
export declare const DEMO_WORKSPACE: { id: string; name: string };
export declare const CHECKED_ITEM_TEXT: string;
export declare function demoSignals(): { id: string; kind: string; page: { route: string }; target?: { selector: string; label?: string } }[];
