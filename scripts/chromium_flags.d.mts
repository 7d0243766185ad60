export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare const SWIFTSHADER_ARGS: string[];
export declare function fakeCameraArgs(y4mPath: string): string[];
